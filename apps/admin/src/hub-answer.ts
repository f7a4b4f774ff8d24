import type { ConflictReason } from '@antre/protocol';
import { HUB_URL } from './session';

/** A hub refusal, with the bad fields of a 400 keyed by their path (`services.2.prefix`). */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  fields: Record<string, string>;
  /** A 409's reasons, as codes to translate (`conflict-messages.ts`). */
  reasons?: ConflictReason[];
}
export type Answer<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    fields?: { path: string; message: string }[];
    reasons?: ConflictReason[];
  };
}

export interface SendInit {
  method?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as the raw body with its own content type (board media). */
  file?: File;
  fileType?: string;
}

/**
 * One signed-in request from the admin's forms: unlike `hubRequest`, a refusal keeps its
 * HTTP status and its bad fields keyed by path, so a form can show each next to its field.
 */
export async function send<T>(
  token: string,
  path: string,
  init: SendInit = {},
): Promise<Answer<T>> {
  try {
    const response = await fetch(`${HUB_URL}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.fileType ? { 'content-type': init.fileType } : {}),
      },
      body: init.file ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
    });
    const json = (await response.json()) as unknown;
    if (response.ok) return { ok: true, value: json as T };
    const error = (json as ErrorBody).error ?? {};
    const refusal: Refusal = {
      status: response.status,
      code: error.code ?? 'internal',
      message: error.message ?? '',
      fields: Object.fromEntries((error.fields ?? []).map((f) => [f.path, f.message])),
      reasons: error.reasons ?? [],
    };
    return { ok: false, refusal };
  } catch {
    return { ok: false, refusal: { status: 0, code: 'offline', message: 'offline', fields: {} } };
  }
}
