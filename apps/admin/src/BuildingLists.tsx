import type { Building } from '@antre/domain';
import type { Item, Section } from './building-drafts';
import { newAgency, newCounter, newService, newZone } from './building-drafts';
import type { ConfigT } from './config-messages';
import { ConfigList } from './ConfigList';
import type { ConfigRow } from './ConfigList';
import type { SiteT } from './site-messages';

/** The page's lists; a supervisor sees only their own agency's, and edits only its services. */
export function BuildingLists(props: {
  building: Building;
  isAdmin: boolean;
  agencyId: string | null;
  t: ConfigT;
  st: SiteT;
  onOpen: (section: Section, draft: Item) => void;
  onDelete: (section: Section, row: ConfigRow<Item>) => void;
}) {
  const { building, isAdmin, t, st } = props;
  const mine = (agencyId: string) => isAdmin || agencyId === props.agencyId;
  const agencies = building.agencies.filter((a) => mine(a.id));
  const services = building.services.filter((s) => mine(s.agencyId));
  const counters = building.counters.filter((c) => mine(c.agencyId));
  const agencyName = (id: string) => building.agencies.find((a) => a.id === id)?.shortName ?? id;
  const zoneName = (id: string) => building.zones.find((z) => z.id === id)?.name ?? id;
  const firstAgency = agencies[0]?.id ?? '';
  const nextNumber = Math.max(0, ...building.counters.map((c) => c.number)) + 1;

  const list = (
    name: Section,
    title: string,
    rows: ConfigRow<Item>[],
    fresh: () => Item,
    supervisorEdits = false,
  ) => (
    <ConfigList
      name={name}
      title={title}
      rows={rows}
      addLabel={`${t('add')} ${title.toLowerCase()}`}
      editLabel={t('edit')}
      deleteLabel={st('delete')}
      onAdd={isAdmin ? () => props.onOpen(name, fresh()) : undefined}
      onEdit={isAdmin || supervisorEdits ? (r) => props.onOpen(name, r.item) : undefined}
      onDelete={isAdmin ? (r) => props.onDelete(name, r) : undefined}
    />
  );

  return (
    <div className="config-columns">
      {list(
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
      )}
      {list(
        'services',
        isAdmin ? t('services') : st('myServices'),
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
      {isAdmin &&
        list(
          'zones',
          t('zones'),
          building.zones.map((z) => ({ id: z.id, label: z.name, detail: z.id, item: z })),
          newZone,
        )}
    </div>
  );
}
