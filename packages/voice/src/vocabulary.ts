import { LETTER_NAMES, LETTERS, letterClip } from './letters';
import { NUMBER_CLIPS } from './number-reading';

export const VOICE_LANGUAGES = ['id', 'en'] as const;
export type VoiceLanguage = (typeof VOICE_LANGUAGES)[number];

/** The tone before every call; made in code, not spoken. */
export const CHIME = 'chime';

/** The fixed words of a call, by clip name. */
export const PHRASES = {
  id: { intro: 'nomor-antrean', toward: 'silakan-menuju', counter: 'loket', floor: 'lantai' },
  en: { intro: 'ticket-number', toward: 'please-proceed-to', counter: 'counter', floor: 'floor' },
} as const;

const PHRASE_TEXTS: Record<VoiceLanguage, Record<string, string>> = {
  id: {
    'nomor-antrean': 'nomor antrean',
    'silakan-menuju': 'silakan menuju',
    loket: 'loket',
    lantai: 'lantai',
  },
  en: {
    'ticket-number': 'ticket number',
    'please-proceed-to': 'please proceed to',
    counter: 'counter',
    floor: 'floor',
  },
};

/** An agency's name clip ("agency-disdukcapil"); a site records it or generates it. */
export const AGENCY_CLIP_PREFIX = 'agency-';
export const agencyClip = (agencyId: string): string =>
  `${AGENCY_CLIP_PREFIX}${agencyId.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;

/**
 * Every spoken clip of a language and the text espeak-ng reads for it. Agency clips are not
 * here: they depend on the building (scripts/generate-voice.ts adds them).
 */
export function clipTexts(language: VoiceLanguage): Record<string, string> {
  const texts: Record<string, string> = { ...PHRASE_TEXTS[language] };
  for (const word of NUMBER_CLIPS[language]) texts[word] = word;
  for (const letter of LETTERS) texts[letterClip(letter)] = LETTER_NAMES[language][letter];
  return texts;
}

/** A clip is safe as a file name and a URL segment. */
export const CLIP_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
