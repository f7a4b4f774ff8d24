import type { Building } from '@antre/domain';
import { useState } from 'react';
import type { Item, Section } from './building-drafts';
import { newAgency, newCounter, newService, newZone } from './building-drafts';
import { ConfigList } from './ConfigList';
import type { ConfigRow } from './ConfigList';
import type { Translate } from '../messages';

/** The page's lists; a supervisor sees only their own agency's, and edits only its services. */
export function BuildingLists(props: {
  building: Building;
  isAdmin: boolean;
  agencyId: string | null;
  t: Translate;
  onOpen: (section: Section, draft: Item) => void;
  onDelete: (section: Section, row: ConfigRow<Item>) => void;
}) {
  const { building, isAdmin, t } = props;
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  // A code (prefix, counter number) matches whole; a name anywhere, or by a word's start
  // when the query is as short as a prefix, so "A" finds service A, not every "a".
  const matches = (names: string[], codes: string[] = []) =>
    q === '' ||
    codes.some((code) => code.toLowerCase() === q) ||
    names.some((name) => {
      const text = name.toLowerCase();
      return q.length > 2 ? text.includes(q) : text.split(/[\s(/-]+/).some((w) => w.startsWith(q));
    });
  const mine = (agencyId: string) => isAdmin || agencyId === props.agencyId;
  const allAgencies = building.agencies.filter((a) => mine(a.id));
  const allServices = building.services.filter((s) => mine(s.agencyId));
  const allCounters = building.counters.filter((c) => mine(c.agencyId));
  const allZones = isAdmin ? building.zones : [];
  const agencies = allAgencies.filter((a) => matches([a.name, a.shortName]));
  const services = allServices.filter((s) => matches([s.name], [s.prefix]));
  const counters = allCounters.filter((c) => matches([c.name], [String(c.number)]));
  const zones = allZones.filter((z) => matches([z.name]));
  const total = allAgencies.length + allServices.length + allCounters.length + allZones.length;
  const shown = agencies.length + services.length + counters.length + zones.length;
  const agencyName = (id: string) => building.agencies.find((a) => a.id === id)?.shortName ?? id;
  const zoneName = (id: string) => building.zones.find((z) => z.id === id)?.name ?? id;
  const firstAgency = allAgencies[0]?.id ?? '';
  const nextNumber = Math.max(0, ...building.counters.map((c) => c.number)) + 1;

  const list = (
    name: Section,
    title: string,
    rows: ConfigRow<Item>[],
    fresh: () => Item,
    supervisorEdits = false,
  ) =>
    // While filtering, a list with nothing that matches steps aside.
    q !== '' && rows.length === 0 ? null : (
      <ConfigList
        name={name}
        title={title}
        rows={rows}
        addLabel={`${t('add')} ${title.toLowerCase()}`}
        editLabel={t('edit')}
        deleteLabel={t('delete')}
        onAdd={isAdmin ? () => props.onOpen(name, fresh()) : undefined}
        onEdit={isAdmin || supervisorEdits ? (r) => props.onOpen(name, r.item) : undefined}
        onDelete={isAdmin ? (r) => props.onDelete(name, r) : undefined}
      />
    );

  // Zones come first: a new building sets them up before its counters can point at them.
  const zoneList =
    isAdmin &&
    list(
      'zones',
      t('zones'),
      zones.map((z) => ({ id: z.id, label: z.name, detail: z.id, item: z })),
      newZone,
    );
  const agencyList = list(
    'agencies',
    t('agencies'),
    agencies.map((a) => ({
      id: a.id,
      label: a.name,
      detail: a.shortName,
      item: a,
      logo: a.logo,
    })),
    newAgency,
  );

  return (
    <>
      <div className="list-filter" role="search">
        <label>
          <span>{t('filterLabel')}</span>
          <input
            type="search"
            value={query}
            placeholder={t('filterHint')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        {q !== '' && (
          <small className="muted" aria-live="polite">
            {shown === 0
              ? t('filterNone', { query: query.trim() })
              : t('filterShown', { shown, total })}
          </small>
        )}
      </div>
      <div className="config-columns">
        {(zoneList || agencyList) && (
          <div className="config-stack">
            {zoneList}
            {agencyList}
          </div>
        )}
        {list(
          'services',
          isAdmin ? t('services') : t('myServices'),
          services.map((s) => ({
            id: s.id,
            label: `${s.prefix} · ${s.name}`,
            detail: agencyName(s.agencyId),
            item: s,
          })),
          () => newService(firstAgency),
          true,
        )}
        {list(
          'counters',
          t('counters'),
          counters.map((c) => ({
            id: c.id,
            label: `${c.number} · ${c.name}`,
            detail: `${agencyName(c.agencyId)} · ${zoneName(c.zoneId)}`,
            item: c,
          })),
          () => newCounter(firstAgency, building.zones[0]?.id ?? '', nextNumber),
        )}
      </div>
    </>
  );
}
