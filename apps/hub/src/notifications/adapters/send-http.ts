import type { SendOutcome } from '../channel';

/** The longest one attempt may take, whatever the worker allows. */
export const ATTEMPT_TIMEOUT_MS = 10_000;

export type HttpAnswer = { status: number; text: string } | { failed: SendOutcome };

/** One HTTP attempt, cut by the worker's signal or its own limit: it never hangs. */
export async function sendHttp(
  url: string,
  init: RequestInit,
  signal: AbortSignal,
  timeoutMs = ATTEMPT_TIMEOUT_MS,
): Promise<HttpAnswer> {
  try {
    const response = await fetch(url, {
      ...init,
      // A redirect would carry the token to an address nobody configured.
      redirect: 'error',
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { failed: { ok: false, retry: true, reason: whyUnanswered(error) } };
  }
}

function whyUnanswered(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return 'no answer in time';
  if (name === 'AbortError') return 'stopped before an answer';
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? `provider not reachable (${cause})` : 'provider not reachable';
}

/** 408, 429 and 5xx may pass on a later try; other refusals will not. */
export const worthRetrying = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** Removes every secret from text a provider sent back before it is kept or shown. */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((s) => s.length >= 4)
    .reduce((out, secret) => out.split(secret).join('••••'), text);
}
