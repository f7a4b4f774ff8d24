/** The errors under `prefix.` (e.g. `hours`), re-keyed without it: `hours.mon.open` -> `mon.open`. */
export function fieldsUnder(
  errors: Record<string, string>,
  prefix: string,
): Record<string, string> {
  const mine: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors))
    if (path.startsWith(`${prefix}.`)) mine[path.slice(prefix.length + 1)] = message;
    else if (path === prefix) mine[''] = message;
  return mine;
}

/** The first complaint at or under a path (`zoneIds` covers `zoneIds.2`). */
export const errorUnder = (errors: Record<string, string>, path: string): string | undefined =>
  Object.entries(errors).find(([p]) => p === path || p.startsWith(`${path}.`))?.[1];
