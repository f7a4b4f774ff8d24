import type { OutgoingMessage, Recipient } from '../channel';

let sequence = 0;

/** A rendered "your turn is near" with the characters that break careless encoders. */
export const sampleMessage = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  idempotencyKey: `sub:${++sequence}:ticket.near`,
  message: 'ticket.near',
  language: 'id',
  text: 'Antrean A-012: tinggal 2 nomor lagi sebelum Anda. Silakan kembali ke "Loket 3",\nLantai 1 \\ Gedung B.',
  title: 'Giliran "Anda" segera tiba',
  params: { label: 'A-012', ahead: '2', place: 'Loket 3 · Lantai 1' },
  url: 'http://192.168.1.10:8080/t/AB12CD34',
  ...over,
});

/** As a visitor types it; adapters send it as 62…. */
export const samplePhone: Recipient = { medium: 'phone', phone: '081234567890' };

/** A worker that never stops. */
export const neverStopping = new AbortController().signal;
