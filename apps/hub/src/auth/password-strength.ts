import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as LanguageCommon from '@zxcvbn-ts/language-common';
import { createRequire } from 'node:module';
import type { PasswordWeakness } from '@antre/protocol';
import { fieldError } from '@antre/protocol';
import { HttpError } from '../http/routes';

// Common passwords, keyboard walks, repeats and sequences, in any language. Loading the
// dictionaries (~60 ms) and ranking them (~0.1 s) is done at the first password chosen, not
// at every hub start.
let zxcvbn: ZxcvbnFactory | null = null;
function checker(): ZxcvbnFactory {
  if (zxcvbn) return zxcvbn;
  const require = createRequire(import.meta.url);
  const core = require('@zxcvbn-ts/core') as { ZxcvbnFactory: typeof ZxcvbnFactory };
  const common = require('@zxcvbn-ts/language-common') as typeof LanguageCommon;
  zxcvbn = new core.ZxcvbnFactory({
    dictionary: common.dictionary,
    graphs: common.adjacencyGraphs,
  });
  return zxcvbn;
}

// zxcvbn's 3 is ~10^8 guesses: out of reach of online guessing behind the lockout, and what
// an officer can still remember ("rahasia-123" passes; "aaaaaaaaaaaa", "password1234" do not).
const MIN_SCORE = 3;

// zxcvbn's warnings as the reasons a UI words (field rule `weak_password`, its variant).
const WEAKNESSES: Record<string, PasswordWeakness> = {
  simpleRepeat: 'repeats',
  extendedRepeat: 'repeats',
  sequences: 'sequence',
  straightRow: 'keyboard',
  keyPattern: 'keyboard',
  topTen: 'most_common',
  topHundred: 'most_common',
  common: 'common',
  similarToCommon: 'like_common',
  wordByItself: 'one_word',
  namesByThemselves: 'names',
  commonNames: 'common_names',
  userInputs: 'personal',
  dates: 'dates',
  recentYears: 'years',
};

/** Why a chosen password is too easy to guess; null when it is strong enough. */
export function passwordWeakness(
  password: string,
  personal: string[] = [],
): PasswordWeakness | null {
  const result = checker().check(password, personal);
  if (result.score >= MIN_SCORE) return null;
  return (result.feedback.warning && WEAKNESSES[result.feedback.warning]) || 'guessable';
}

/** Refuses a chosen password that is too easy to guess (400, field `password`). */
export function checkChosenPassword(password: string | undefined, personal: string[]): void {
  const weakness = password === undefined ? null : passwordWeakness(password, personal);
  if (weakness)
    throw new HttpError(400, 'bad_request', 'The password is too easy to guess', [
      fieldError('password', 'weak_password', { variant: weakness }),
    ]);
}
