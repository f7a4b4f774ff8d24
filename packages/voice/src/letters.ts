// Letters of a ticket prefix, named as they are spoken: the Indonesian alphabet names
// (V is "fe", Q is "ki") and the English ones.

// prettier-ignore
export const LETTER_NAMES = {
  id: {
    A: 'a', B: 'be', C: 'ce', D: 'de', E: 'e', F: 'ef', G: 'ge', H: 'ha', I: 'i', J: 'je',
    K: 'ka', L: 'el', M: 'em', N: 'en', O: 'o', P: 'pe', Q: 'ki', R: 'er', S: 'es', T: 'te',
    U: 'u', V: 'fe', W: 'we', X: 'eks', Y: 'ye', Z: 'zet',
  },
  en: {
    A: 'ay', B: 'bee', C: 'see', D: 'dee', E: 'ee', F: 'ef', G: 'jee', H: 'aitch', I: 'eye',
    J: 'jay', K: 'kay', L: 'el', M: 'em', N: 'en', O: 'oh', P: 'pee', Q: 'cue', R: 'ar',
    S: 'ess', T: 'tee', U: 'you', V: 'vee', W: 'double you', X: 'ex', Y: 'why', Z: 'zed',
  },
} as const;

export type Letter = keyof (typeof LETTER_NAMES)['id'];
export const LETTERS = Object.keys(LETTER_NAMES.id) as Letter[];

/** The clip of a letter, the same name in every language: "letter-a". */
export const letterClip = (letter: Letter): string => `letter-${letter.toLowerCase()}`;

export const isLetter = (char: string): char is Letter => char in LETTER_NAMES.id;
