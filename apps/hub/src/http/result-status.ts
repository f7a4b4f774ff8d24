import type { ErrorCode, Result } from '@antre/protocol';
import { HttpError } from './routes';

const STATUS: Partial<Record<ErrorCode, number>> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  service_not_found: 404,
  ticket_not_found: 404,
  counter_not_found: 404,
  internal: 500,
};

/** A refused Result becomes the HTTP error of the same code; domain refusals are 409. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new HttpError(
    STATUS[result.error.code] ?? 409,
    result.error.code,
    result.error.message,
    result.error.fields,
    undefined,
    result.error.detail,
  );
}
