import type { ConflictReason, ConflictReasonCode } from '@antre/protocol';
import type { Language, Messages } from '@antre/ui';
import { translator } from '@antre/ui';

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

/** A 409's reasons in the admin's language; the hub's English message when it gave none. */
export function conflictText(
  refusal: { message: string; reasons?: readonly ConflictReason[] },
  language: Language,
): string {
  const reasons = refusal.reasons ?? [];
  // A code this app does not know yet (a newer hub) is better read in English than as a code.
  if (reasons.length === 0 || reasons.some((r) => !(r.code in MESSAGES.id)))
    return refusal.message.replace(/^Not saved: /, '');
  const t = translator(MESSAGES, language);
  const sentences = reasons
    .slice(0, SHOWN)
    .map((r) => t(r.code, { name: r.name, label: r.label ?? '' }));
  const more = reasons.length - SHOWN;
  if (more > 0) sentences.push(t('more', { n: more }));
  return sentences.join(' ');
}
