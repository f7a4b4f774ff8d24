import { PAIRING_ALPHABET } from '@antre/protocol';
import { randomInt } from 'node:crypto';

export const PAIRING_TTL_MS = 10 * 60_000;

/** 6 characters from the unambiguous alphabet: 32^6 ≈ 10^9 codes, a handful pending at once. */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/** `K7P2QX` → `K7P-2QX`, easier to read aloud and to type. */
export const formatPairingCode = (code: string): string => `${code.slice(0, 3)}-${code.slice(3)}`;
