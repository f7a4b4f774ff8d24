import type { FieldError } from '@antre/protocol';
import type { FieldErrors } from '@antre/ui';

/** The errors under `prefix.` (e.g. `hours`), re-keyed without it: `hours.mon.open` -> `mon.open`. */
export function fieldsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const mine: FieldErrors = {};
  for (const [path, field] of Object.entries(errors))
    if (path.startsWith(`${prefix}.`)) mine[path.slice(prefix.length + 1)] = field;
    else if (path === prefix) mine[''] = field;
  return mine;
}

/** The first complaint at or under a path (`zoneIds` covers `zoneIds.2`). */
export const errorUnder = (errors: FieldErrors, path: string): FieldError | undefined =>
  Object.entries(errors).find(([p]) => p === path || p.startsWith(`${path}.`))?.[1];
