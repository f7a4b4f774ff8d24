import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { HttpError } from '../http/routes';

// Common passwords, keyboard walks, repeats and sequences, in any language.
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

// zxcvbn's 3 is ~10^8 guesses: out of reach of online guessing behind the lockout, and what
// an officer can still remember ("rahasia-123" passes; "aaaaaaaaaaaa", "password1234" do not).
const MIN_SCORE = 3;

// zxcvbn's warnings, said plainly in Indonesian (the UI shows the hub's field message).
const REASONS: Record<string, string> = {
  simpleRepeat: 'berisi huruf yang diulang-ulang',
  extendedRepeat: 'berisi pola yang diulang-ulang',
  sequences: 'berisi urutan seperti abcd atau 1234',
  straightRow: 'berisi deretan tombol keyboard',
  keyPattern: 'berisi pola tombol keyboard',
  topTen: 'termasuk kata sandi paling umum',
  topHundred: 'termasuk kata sandi paling umum',
  common: 'termasuk kata sandi yang umum dipakai',
  similarToCommon: 'mirip kata sandi yang umum dipakai',
  wordByItself: 'hanya satu kata',
  namesByThemselves: 'hanya berisi nama',
  commonNames: 'berisi nama yang umum',
  userInputs: 'memuat nama pengguna atau nama orangnya',
  dates: 'berisi tanggal',
  recentYears: 'berisi tahun',
};

/** Why a chosen password is too easy to guess, in Indonesian; null when it is strong enough. */
export function weakPasswordReason(password: string, personal: string[] = []): string | null {
  const result = zxcvbn.check(password, personal);
  if (result.score >= MIN_SCORE) return null;
  const reason = (result.feedback.warning && REASONS[result.feedback.warning]) || 'mudah ditebak';
  return `kata sandi terlalu lemah: ${reason}`;
}

/** Refuses a chosen password that is too easy to guess (400, field `password`). */
export function checkChosenPassword(password: string | undefined, personal: string[]): void {
  const reason = password === undefined ? null : weakPasswordReason(password, personal);
  if (reason)
    throw new HttpError(400, 'bad_request', 'The password is too easy to guess', [
      { path: 'password', message: reason },
    ]);
}
