import type { Translate } from '../messages';
import { isMessageKey } from '../messages';
import type { GatewayPreset } from './notify-api';

// Names the Notifikasi page gives to codes the hub sends: a code newer than this app (a
// message, a placeholder, a kind of recipient) shows as the hub sent it.
export function codeName(
  t: Translate,
  group: 'notifyMessage' | 'notifyField' | 'recipient',
  code: string,
): string {
  const key = `${group}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** A preset's note in the admin's language; one this app does not know yet in the hub's words. */
export function presetNote(t: Translate, preset: GatewayPreset): string {
  const key = `presetNote.${preset.id}`;
  return isMessageKey(key) ? t(key) : preset.note;
}
