import type { ConflictReason, ConflictReasonCode } from '@antre/protocol';
import type { Language, Messages } from '@antre/ui';
import { errorText, translator } from '@antre/ui';
import { knownFieldMessage } from './field-messages';

// The hub's 409 refusals, one sentence per reason code; {name} is what was refused.
const MESSAGES: Messages<ConflictReasonCode | 'more'> = {
  id: {
    service_open_tickets:
      'Layanan “{name}” masih punya nomor antrean yang belum selesai hari ini (mis. {label}); biarkan layanan ini atau nonaktifkan saja.',
    service_unserved:
      'Layanan “{name}” masih punya nomor antrean hari ini, tetapi tidak ada lagi loket yang melayaninya.',
    counter_open: 'Loket “{name}” sedang buka; tutup dulu sebelum menghapusnya.',
    counter_paused: 'Loket “{name}” sedang istirahat; tutup dulu sebelum menghapusnya.',
    counter_holding:
      'Loket “{name}” masih memegang nomor antrean; selesaikan dulu sebelum menghapusnya.',
    service_has_history:
      'Layanan “{name}” sudah punya riwayat antrean; nonaktifkan saja, jangan dihapus.',
    zone_in_use: 'Zona “{name}” masih dipakai oleh pengguna atau riwayat antrean.',
    agency_in_use: 'Instansi “{name}” masih dipakai oleh pengguna atau riwayat antrean.',
    username_taken: 'Nama pengguna “{name}” sudah dipakai. Pilih nama lain.',
    deactivate_self: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
    more: 'Dan {n} lainnya.',
  },
  en: {
    service_open_tickets:
      'Service “{name}” still has open tickets today (e.g. {label}); keep it or deactivate it.',
    service_unserved:
      'Service “{name}” still has open tickets today, but no counter would serve it.',
    counter_open: 'Counter “{name}” is open; close it before deleting it.',
    counter_paused: 'Counter “{name}” is on a break; close it before deleting it.',
    counter_holding: 'Counter “{name}” still holds a ticket; finish it before deleting it.',
    service_has_history:
      'Service “{name}” has ticket history; deactivate it instead of deleting it.',
    zone_in_use: 'Zone “{name}” is still used by people or ticket history.',
    agency_in_use: 'Agency “{name}” is still used by people or ticket history.',
    username_taken: 'The username “{name}” is taken. Choose another.',
    deactivate_self: 'You cannot deactivate your own account.',
    more: 'And {n} more.',
  },
};

const SHOWN = 3;

/** What a form or page gets back from the hub when it says no. */
export interface RefusalWords {
  code?: string;
  message: string;
  fields?: Record<string, string>;
  reasons?: readonly ConflictReason[];
}

/**
 * Any hub refusal in the admin's language: a 409's reasons one sentence each, else the bad
 * fields' known messages, else the words for its error code. Never the hub's English message:
 * a code this app does not know yet (a newer hub) still reads as plain words.
 */
export function refusalText(refusal: RefusalWords, language: Language): string {
  const reasons = refusal.reasons ?? [];
  if (reasons.length > 0 && reasons.every((r) => r.code in MESSAGES.id)) {
    const t = translator(MESSAGES, language);
    const sentences = reasons
      .slice(0, SHOWN)
      .map((r) => t(r.code, { name: r.name, label: r.label ?? '' }));
    const more = reasons.length - SHOWN;
    if (more > 0) sentences.push(t('more', { n: more }));
    return sentences.join(' ');
  }
  const fields = Object.values(refusal.fields ?? {})
    .map((message) => knownFieldMessage(message, language))
    .filter((text): text is string => text !== null);
  if (fields.length > 0) return [...new Set(fields)].join(' ');
  return errorText(refusal.code ?? 'conflict', language);
}

/** The name the config pages first used, for 409s; reads any refusal the same way. */
export const conflictText = refusalText;
