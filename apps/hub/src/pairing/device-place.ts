import type { Building } from '@antre/domain';
import type { DeviceSummary, FieldError } from '@antre/protocol';
import { deviceSettingsInputSchema, fieldError, parseInput } from '@antre/protocol';
import { HttpError } from '../http/routes';

type Role = DeviceSummary['role'];

interface Place {
  zoneIds?: string[] | undefined;
  agencyIds?: string[] | undefined;
  settings?: Record<string, unknown> | undefined;
}

/**
 * Checks what the admin gives a device before anything is saved: its settings strictly by
 * its role, and its zones, agencies and agency columns against the building. Throws a 400
 * naming every bad field (`settings.paperWidth`, `zoneIds.1`).
 */
export function checkDevicePlace(role: Role, place: Place, building: Building): void {
  const fields: FieldError[] = [];
  if (place.settings !== undefined) {
    const parsed = parseInput(deviceSettingsInputSchema(role), place.settings);
    if (!parsed.ok)
      for (const f of parsed.error.fields ?? [])
        fields.push({ ...f, path: f.path === '(root)' ? 'settings' : `settings.${f.path}` });
  }
  const zones = new Set(building.zones.map((z) => z.id));
  const agencies = new Set(building.agencies.map((a) => a.id));
  const unknown = (
    path: string,
    ids: unknown,
    known: Set<string>,
    what: 'unknown_zone' | 'unknown_agency',
  ) => {
    if (!Array.isArray(ids)) return;
    ids.forEach((id, i) => {
      if (typeof id === 'string' && !known.has(id)) fields.push(fieldError(`${path}.${i}`, what));
    });
  };
  unknown('zoneIds', place.zoneIds, zones, 'unknown_zone');
  unknown('agencyIds', place.agencyIds, agencies, 'unknown_agency');
  if (role === 'display')
    unknown('settings.agencyColumns', place.settings?.agencyColumns, agencies, 'unknown_agency');
  if (fields.length > 0) {
    const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    throw new HttpError(400, 'bad_request', `Invalid input: ${summary}`.slice(0, 500), fields);
  }
}

/** An update's settings over the stored ones: fields given replace, the others stay. */
export const mergeSettings = (
  stored: Record<string, unknown>,
  given: Record<string, unknown> | undefined,
): Record<string, unknown> => (given === undefined ? stored : { ...stored, ...given });
