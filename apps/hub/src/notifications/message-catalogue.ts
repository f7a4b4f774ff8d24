import type { NotifyMessage } from '@antre/protocol';

type Language = 'id' | 'en';

interface CatalogueEntry {
  /** The values the text may use, in the order providers' templates get them. */
  params: readonly string[];
  title: Record<Language, string>;
  text: Record<Language, string>;
}

/**
 * What a visitor or staff member is sent, Indonesian first. Every text is editable by the
 * admin (notify_texts); a placeholder the message does not have is refused there.
 */
export const MESSAGE_CATALOGUE: Record<NotifyMessage, CatalogueEntry> = {
  'ticket.near': {
    params: ['label', 'ahead', 'place'],
    title: { id: 'Giliran Anda segera tiba', en: 'Your turn is near' },
    text: {
      id: 'Antrean {label}: tinggal {ahead} nomor lagi sebelum Anda. Silakan kembali ke {place}.',
      en: 'Ticket {label}: {ahead} more before you. Please come back to {place}.',
    },
  },
  'ticket.called': {
    params: ['label', 'counter', 'place'],
    title: { id: 'Nomor Anda dipanggil', en: 'Your number is called' },
    text: {
      id: 'Nomor {label} dipanggil. Silakan ke {counter}, {place}.',
      en: 'Number {label} is called. Please go to {counter}, {place}.',
    },
  },
  'ticket.transferred': {
    params: ['label', 'service', 'place'],
    title: { id: 'Antrean Anda dipindahkan', en: 'Your ticket was transferred' },
    text: {
      id: 'Nomor {label} dipindahkan ke layanan {service}. Tunggu panggilan di {place}.',
      en: 'Number {label} was transferred to {service}. Wait for the call at {place}.',
    },
  },
  'ticket.parked': {
    params: ['label', 'counter'],
    title: { id: 'Antrean Anda ditunda', en: 'Your ticket is on hold' },
    text: {
      id: 'Nomor {label} ditunda. Silakan kembali ke {counter} saat dipanggil lagi.',
      en: 'Number {label} is on hold. Please come back to {counter} when called again.',
    },
  },
  'ticket.missed': {
    params: ['label', 'until'],
    title: { id: 'Panggilan terlewat', en: 'You missed your call' },
    text: {
      id: 'Nomor {label} terlewat. Anda masih dapat kembali ke antrean sampai pukul {until}: temui petugas.',
      en: 'Number {label} was missed. You can rejoin the queue until {until}: ask an officer.',
    },
  },
  'booking.confirmed': {
    params: ['code', 'service', 'date', 'time', 'place'],
    title: { id: 'Pemesanan diterima', en: 'Booking confirmed' },
    text: {
      id: 'Pemesanan {code}: {service}, {date} pukul {time}, {place}. Tunjukkan kode di kios saat tiba.',
      en: 'Booking {code}: {service}, {date} at {time}, {place}. Show the code at the kiosk when you arrive.',
    },
  },
  'booking.reminder': {
    params: ['code', 'service', 'date', 'time', 'place'],
    title: { id: 'Pengingat jadwal layanan', en: 'Appointment reminder' },
    text: {
      id: 'Pengingat: {service}, {date} pukul {time}, {place}. Kode pemesanan {code}.',
      en: 'Reminder: {service}, {date} at {time}, {place}. Booking code {code}.',
    },
  },
  'booking.cancelled': {
    params: ['code', 'service', 'date', 'reason'],
    title: { id: 'Pemesanan dibatalkan', en: 'Booking cancelled' },
    text: {
      id: 'Pemesanan {code} ({service}, {date}) dibatalkan oleh MPP: {reason}. Mohon maaf; silakan pesan jadwal lain.',
      en: 'Booking {code} ({service}, {date}) was cancelled by the MPP: {reason}. Sorry; please book another time.',
    },
  },
  'alarm.raised': {
    params: ['text'],
    title: { id: 'Peringatan MPP', en: 'MPP alert' },
    text: { id: '{text}', en: '{text}' },
  },
  test: {
    params: ['site'],
    title: { id: 'Uji notifikasi', en: 'Notification test' },
    text: {
      id: 'Uji pesan dari Antre {site}: saluran ini berfungsi.',
      en: 'Test message from Antre {site}: this channel works.',
    },
  },
};

/** Placeholders in a text that its message does not have; an edited text must have none. */
export function unknownPlaceholders(message: NotifyMessage, text: string): string[] {
  const known = new Set(MESSAGE_CATALOGUE[message].params);
  return [...text.matchAll(/\{([a-zA-Z]+)\}/g)]
    .map((m) => m[1]!)
    .filter((name) => !known.has(name));
}

export function renderText(template: string, params: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => params[name] ?? whole);
}
