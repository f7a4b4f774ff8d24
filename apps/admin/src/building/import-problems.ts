import type { FieldErrors, Language } from '@antre/ui';
import { FIELD_NAMES, ITEM_NAMES } from './building-field-names';
import { fieldMessage } from '../field-messages';
import { translate } from '../messages';

const SHOWN = 5;

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null;
const childOf = (value: unknown, key: string): unknown => (isBag(value) ? value[key] : undefined);
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * An import's bad fields as a person reads them, one a line, the first five and how many more:
 * `building.services.3.prefix` broken by `prefix_letters` becomes
 * `Layanan «Perekaman KTP-el» › Awalan: Satu atau dua huruf kapital, mis. A atau AB.`
 */
export function importProblems(fields: FieldErrors, file: unknown, language: Language): string[] {
  const lines = Object.entries(fields).map(
    ([path, field]) => `${placeOf(path, file, language)}: ${fieldMessage(field, language)}`,
  );
  const more = lines.length - SHOWN;
  if (more <= 0) return lines;
  return [...lines.slice(0, SHOWN), translate(language)('importMore', { n: more })];
}

/** `building.counters.2.services.0.serviceId` -> `Loket «Loket 3» › Layanan 1 › Kode layanan`. */
export function placeOf(path: string, file: unknown, language: Language): string {
  if (path === '(root)') return FIELD_NAMES.file![language];
  const keys = path.split('.');
  // Everything of interest is inside `building`; saying so on every line helps no one.
  const inside = keys[0] === 'building' && keys.length > 1;
  const building = inside ? childOf(file, 'building') : file;
  const crumbs: string[] = [];
  let value = building;
  for (let i = inside ? 1 : 0; i < keys.length; i++) {
    const key = keys[i]!;
    const child = childOf(value, key);
    const index = keys[i + 1];
    if (index !== undefined && /^\d+$/.test(index)) {
      const item = childOf(child, index);
      const word = (ITEM_NAMES[key] ?? FIELD_NAMES[key])?.[language] ?? key;
      const name = text(childOf(item, 'name')) ?? serviceName(building, childOf(item, 'serviceId'));
      crumbs.push(name ? `${word} «${name}»` : `${word} ${Number(index) + 1}`);
      value = item;
      i++;
    } else {
      crumbs.push(FIELD_NAMES[key]?.[language] ?? key);
      value = child;
    }
  }
  return crumbs.join(' › ');
}

/** A counter's link names its service by id; the file's own services give the name. */
function serviceName(building: unknown, id: unknown): string | null {
  const services = childOf(building, 'services');
  if (!Array.isArray(services) || typeof id !== 'string') return null;
  return text(
    childOf(
      services.find((s) => childOf(s, 'id') === id),
      'name',
    ),
  );
}
