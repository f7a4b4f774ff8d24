import type { ConflictReason } from '@antre/protocol';
import { HttpError } from '../http/routes';

/** A 409 whose reasons a UI translates, with the same in English as its message. */
export function conflictError(reasons: ConflictReason[], prefix = ''): HttpError {
  const message = `${prefix}${reasons.map(conflictSentence).join('; ')}`.slice(0, 1000);
  return new HttpError(409, 'conflict', message, undefined, reasons.slice(0, 50));
}

/** The English sentence of a reason, for API users who read `message`. */
export function conflictSentence(reason: ConflictReason): string {
  const { name, label } = reason;
  switch (reason.code) {
    case 'service_open_tickets':
      return `${name} has tickets still open today (e.g. ${label}); keep it or deactivate it`;
    case 'service_unserved':
      return `${name} has tickets still open today but no counter would serve it`;
    case 'counter_open':
      return `${name} is open now; close it before removing it`;
    case 'counter_paused':
      return `${name} is paused now; close it before removing it`;
    case 'counter_holding':
      return `${name} still holds a ticket; finish it before removing it`;
    case 'service_has_history':
      return `Service ${name} has tickets; deactivate it instead of removing it`;
    case 'zone_in_use':
      return `Zone ${name} is still in use (users or history refer to it)`;
    case 'agency_in_use':
      return `Agency ${name} is still in use (users or history refer to it)`;
    case 'username_taken':
      return `The username ${name} is taken`;
    case 'deactivate_self':
      return 'You cannot deactivate yourself';
  }
}
