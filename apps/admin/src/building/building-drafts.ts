import type { Building } from '@antre/domain';

export type Agency = Building['agencies'][number];
export type Service = Building['services'][number];
export type Counter = Building['counters'][number];
export type Zone = Building['zones'][number];
export type Section = 'zones' | 'agencies' | 'services' | 'counters';
export type Item = Zone | Agency | Service | Counter;

/** An id the hub accepts (`a-z0-9-`), made from a name and kept unique among `taken`. */
export function idFrom(name: string, taken: string[], prefix = ''): string {
  const base =
    (prefix ? `${prefix}-` : '') +
      name
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40) || 'baru';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

export const newZone = (): Zone => ({ id: '', name: '' });
export const newAgency = (): Agency => ({ id: '', name: '', shortName: '', contact: '' });
export const newService = (agencyId: string): Service => ({
  id: '',
  agencyId,
  name: '',
  prefix: '',
  dailyQuota: null,
  hours: null,
  targetWaitMinutes: 30,
  defaultServiceMinutes: 10,
  priorityRule: { kind: 'strict' },
  standard: {
    requirements: [],
    procedure: [],
    duration: '',
    cost: '',
    product: '',
    complaints: '',
  },
  active: true,
});
export const newCounter = (agencyId: string, zoneId: string, number: number): Counter => ({
  id: '',
  agencyId,
  zoneId,
  name: '',
  number,
  selection: 'order',
  services: [],
});

/**
 * Puts the edited item into a freshly fetched building: replaces the one with its id, or
 * appends a new one with an id made from its name. Returns the building and the item's index
 * (the hub's error paths count from it).
 */
export function placeItem(
  fresh: Building,
  section: Section,
  item: Item,
): { building: Building; index: number } {
  const list = fresh[section] as Item[];
  const at = item.id ? list.findIndex((x) => x.id === item.id) : -1;
  let placed = item;
  if (at < 0 && !item.id) {
    const taken = list.map((x) => x.id);
    const owner = section === 'services' ? (item as Service).agencyId : '';
    placed = { ...item, id: idFrom((item as { name: string }).name, taken, owner) };
  }
  const next = at >= 0 ? list.map((x, i) => (i === at ? placed : x)) : [...list, placed];
  return { building: { ...fresh, [section]: next }, index: at >= 0 ? at : next.length - 1 };
}
