import { randomBytes, randomUUID } from 'node:crypto';

// No 0/O, 1/I/L: a code may be read aloud or typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 12 characters from 31: ~59 bits, so a ticket's page cannot be guessed. */
export function newTicketCode(): string {
  return [...randomBytes(12)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

export const newTicketId = (): string => randomUUID();
