import type { SendOutcome } from '../channel';

/** One HTTP attempt with the worker's signal and a limit of its own; never hangs. */
export async function sendHttp(
  url: string,
  init: RequestInit,
  signal: AbortSignal,
  timeoutMs = 10_000,
): Promise<{ status: number; text: string } | { failed: SendOutcome }> {
  try {
    const response = await fetch(url, {
      ...init,
      redirect: 'error',
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const timedOut =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      failed: {
        ok: false,
        retry: true,
        reason: timedOut ? 'no answer in time' : 'provider not reachable',
      },
    };
  }
}

/** 408, 429 and 5xx may pass; other refusals will not. */
export const worthRetrying = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;
