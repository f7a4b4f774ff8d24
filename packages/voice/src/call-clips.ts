import { isLetter, letterClip } from './letters';
import { readNumberEn, readNumberId } from './number-reading';
import type { VoiceLanguage } from './vocabulary';
import { AGENCY_CLIP_PREFIX, agencyClip, CHIME, PHRASES } from './vocabulary';

/** What a call needs to be spoken; a CallView from @antre/protocol fits. */
export interface SpokenCall {
  label: string;
  counterNumber: number;
  agencyId: string;
  /**
   * The counter's floor, said after the counter when the call leaves the board's floor
   * ("…loket 14, lantai 2"); null or absent when the listener is on that floor already.
   */
  floor?: number | null;
}

export interface CallClipOptions {
  language?: VoiceLanguage;
  /** Add the agency's name after the counter ("…loket 3, Disdukcapil"). */
  withAgency?: boolean;
  /** Start with the chime (the default). */
  chime?: boolean;
}

const readNumber = (language: VoiceLanguage, n: number): string[] =>
  language === 'id' ? readNumberId(n) : readNumberEn(n);

/**
 * "A-012" -> letter-a, dua belas: letters one by one, each run of digits as a cardinal
 * (so leading zeros are not read).
 */
export function ticketClips(label: string, language: VoiceLanguage = 'id'): string[] {
  const clips: string[] = [];
  for (const [run] of label.toUpperCase().matchAll(/[A-Z]|\d+/g)) {
    if (isLetter(run)) clips.push(letterClip(run));
    else clips.push(...readNumber(language, Number.parseInt(run, 10)));
  }
  return clips;
}

/**
 * Chime, "nomor antrean", the ticket, "silakan menuju", "loket", the counter's number, then
 * the agency and the floor when asked for.
 */
export function callClips(call: SpokenCall, options: CallClipOptions = {}): string[] {
  const language = options.language ?? 'id';
  const words = PHRASES[language];
  return [
    ...(options.chime === false ? [] : [CHIME]),
    words.intro,
    ...ticketClips(call.label, language),
    words.toward,
    words.counter,
    ...readNumber(language, call.counterNumber),
    ...(options.withAgency ? [agencyClip(call.agencyId)] : []),
    ...(call.floor != null ? [words.floor, ...readNumber(language, call.floor)] : []),
  ];
}

export interface AnnouncementSettings {
  /** Indonesian first; English after it when the site wants a second language. */
  languages: readonly VoiceLanguage[];
  withAgency: boolean;
  /** Say the whole call a second time (without the chime). */
  repeat: boolean;
}

/** A clip's place on the hub: "<language>/<clip>". */
export type ClipPath = `${VoiceLanguage}/${string}`;

/** The full announcement of a call, as clip paths in the order they are played. */
export function announcementClips(call: SpokenCall, settings: AnnouncementSettings): ClipPath[] {
  const spoken = settings.languages.flatMap((language) =>
    callClips(call, { language, withAgency: settings.withAgency, chime: false }).map(
      // An agency's name is a proper noun: the one Indonesian recording serves every language.
      (clip): ClipPath => `${clip.startsWith(AGENCY_CLIP_PREFIX) ? 'id' : language}/${clip}`,
    ),
  );
  const first: ClipPath = `${settings.languages[0] ?? 'id'}/${CHIME}`;
  return [first, ...spoken, ...(settings.repeat ? spoken : [])];
}
