// Errors are values at the edges: a rule that says "no" returns one, never throws.

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export interface DomainError {
  code: DomainErrorCode;
  message: string;
  /** What the refusal is about, as data a UI words itself (protocol's `RefusalDetail`). */
  detail?: { time?: string };
}

export type DomainErrorCode =
  | 'service_not_found'
  | 'service_inactive'
  | 'service_closed'
  | 'quota_reached'
  | 'online_only'
  | 'counter_not_found'
  | 'counter_closed'
  | 'counter_paused'
  | 'counter_busy'
  | 'counter_idle'
  | 'not_served_here'
  | 'queue_empty'
  | 'ticket_not_found'
  | 'illegal_transition'
  | 'recall_required'
  | 'requeue_window_passed'
  | 'same_service';

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const fail = (
  code: DomainErrorCode,
  message: string,
  detail?: DomainError['detail'],
): Result<never> => ({
  ok: false,
  error: detail ? { code, message, detail } : { code, message },
});
