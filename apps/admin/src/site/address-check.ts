import { PublicUrlSchema } from '@antre/protocol';

/** answers: an Antre hub replied; reachable: something replied the browser may not read. */
export type AddressCheck = 'answers' | 'reachable' | 'silent' | 'invalid';

const TIMEOUT_MS = 6_000;

/** The address as the hub will keep it (no trailing slash), or null when the hub would refuse it. */
export function normalisedAddress(text: string): string | null {
  const parsed = PublicUrlSchema.safeParse(text);
  return parsed.success ? parsed.data.replace(/\/+$/, '') : null;
}

/**
 * Asks `<address>/api/health` from the admin's own browser: the nearest this page gets to a
 * visitor's phone. Another origin may not let the page read the reply (CORS); a reply the
 * page cannot read still proves something answers there.
 */
export async function checkAddress(text: string): Promise<AddressCheck> {
  const origin = normalisedAddress(text);
  if (!origin) return 'invalid';
  const url = `${origin}/api/health`;
  try {
    const reply = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = (await reply.json()) as { protocolVersion?: unknown };
    return body.protocolVersion !== undefined ? 'answers' : 'reachable';
  } catch {
    try {
      await fetch(url, { mode: 'no-cors', signal: AbortSignal.timeout(TIMEOUT_MS) });
      return 'reachable';
    } catch {
      return 'silent';
    }
  }
}
