import type { Building } from '@antre/domain';
import type { SiteChange } from './site-diff';
import { diffSite } from './site-diff';

type Section = 'zones' | 'agencies' | 'services' | 'counters';
const SECTIONS: Section[] = ['zones', 'agencies', 'services', 'counters'];

export interface BuildingDiff {
  /** Each changed site setting with its value before and after; empty when none changed. */
  site: Record<string, SiteChange>;
  added: string[];
  removed: string[];
  changed: string[];
}

/** What a save changed, as `services/kk-baru` style keys, for the audit log. */
export function diffBuildings(before: Building, after: Building): BuildingDiff {
  const diff: BuildingDiff = {
    site: diffSite(before.site, after.site),
    added: [],
    removed: [],
    changed: [],
  };
  for (const section of SECTIONS) {
    const old = new Map<string, string>(
      before[section].map((item) => [item.id, JSON.stringify(item)]),
    );
    const kept = new Set<string>();
    for (const item of after[section]) {
      const key = `${section}/${item.id}`;
      const previous = old.get(item.id);
      kept.add(item.id);
      if (previous === undefined) diff.added.push(key);
      else if (previous !== JSON.stringify(item)) diff.changed.push(key);
    }
    for (const id of old.keys()) if (!kept.has(id)) diff.removed.push(`${section}/${id}`);
  }
  return diff;
}
