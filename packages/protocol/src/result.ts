import type { DomainErrorCode } from '@antre/domain';
import type { BookingRefusal } from './booking';
import type { ConflictReason } from './conflict';
import type { FieldError } from './field-rules';
import type { RefusalDetail } from './refusal-detail';

export type ErrorCode =
  | DomainErrorCode
  | BookingRefusal
  | 'bad_request'
  | 'unknown_event'
  | 'unauthorized'
  | 'forbidden'
  | 'locked'
  | 'rate_limited'
  | 'not_found'
  | 'version_mismatch'
  | 'conflict'
  | 'offline'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field paths and the rule each breaks (field-rules.ts), for forms to word. */
  fields?: FieldError[];
  /** On a 429: how long to wait before trying again, for the UI to say in its own words. */
  retryAfterSeconds?: number;
  /** What a refusal is about (a time, a date, a reason), for the UI to say in its own words. */
  detail?: RefusalDetail;
  /** A configuration 409's reasons, as codes to translate. */
  reasons?: ConflictReason[];
}

/** Every ack and every error body has this shape. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const okResult = <T>(value: T): Result<T> => ({ ok: true, value });
export const errResult = (
  code: ErrorCode,
  message: string,
  fields?: ApiError['fields'],
): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** A refusal with what it is about as data, so no client parses the English message. */
export const refusedResult = (
  code: ErrorCode,
  message: string,
  detail: RefusalDetail,
): Result<never> => ({ ok: false, error: { code, message, detail } });
