import './admin-config.css';
import type { Building } from '@antre/domain';
import { useEffect, useState } from 'react';
import type { Item, Section } from './building-drafts';
import { newAgency, newCounter, newService, newZone, placeItem } from './building-drafts';
import { BuildingFileButtons } from './BuildingFileButtons';
import type { Refusal } from './config-api';
import { configApi, fieldsOf } from './config-api';
import { configT } from './config-messages';
import { Notice, TextField } from './ConfigField';
import { CounterForm } from './CounterForm';
import type { PageProps } from './page-props';
import { ServiceForm } from './ServiceForm';

interface Editing {
  section: Section;
  draft: Item;
}

/** Zones, agencies, services and counters; every save GETs the building, changes one item, PUTs it all. */
export function BuildingPage(props: PageProps) {
  const t = configT(props.language);
  const token = props.session.token;
  const isAdmin = props.session.user.role === 'admin';
  const [building, setBuilding] = useState<Building>(props.building);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [refusal, setRefusal] = useState<{ refusal: Refusal; prefix: string } | null>(null);
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'bad' } | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = async (): Promise<Building | null> => {
    const fresh = await configApi.building(token);
    if (!fresh.ok) {
      if (fresh.refusal.status === 401) props.onUnauthorized();
      return null;
    }
    setBuilding(fresh.value);
    return fresh.value;
  };
  useEffect(() => void reload(), []);

  const open = (section: Section, draft: Item) => {
    setEditing({ section, draft });
    setRefusal(null);
    setNotice(null);
  };
  const explain = (r: Refusal): string =>
    r.status === 400
      ? t('fixFields')
      : r.status === 409
        ? t('conflict', { reason: r.message })
        : r.status === 403
          ? t('forbidden')
          : t('refused', { reason: r.message });

  async function save(): Promise<void> {
    if (!editing) return;
    setBusy(true);
    const fresh = await reload();
    if (fresh) {
      const { building: next, index } = placeItem(fresh, editing.section, editing.draft);
      const answer = await configApi.saveBuilding(token, next);
      if (answer.ok) {
        setEditing(null);
        setRefusal(null);
        setNotice({ text: t('saved'), kind: 'ok' });
        await reload();
      } else {
        setRefusal({ refusal: answer.refusal, prefix: `${editing.section}.${index}` });
        setNotice({ text: explain(answer.refusal), kind: 'bad' });
      }
    }
    setBusy(false);
  }

  const mine = (agencyId: string) => isAdmin || agencyId === props.session.user.agencyId;
  const agencies = building.agencies.filter((a) => mine(a.id));
  const services = building.services.filter((s) => mine(s.agencyId));
  const counters = building.counters.filter((c) => mine(c.agencyId));
  const agencyName = (id: string) => building.agencies.find((a) => a.id === id)?.shortName ?? id;
  const zoneName = (id: string) => building.zones.find((z) => z.id === id)?.name ?? id;
  const errors = refusal ? fieldsOf(refusal.refusal, refusal.prefix) : {};
  const firstAgency = agencies[0]?.id ?? '';
  const nextNumber = Math.max(0, ...building.counters.map((c) => c.number)) + 1;

  const section = (
    name: Section,
    title: string,
    rows: { id: string; label: string; detail: string; item: Item }[],
    fresh: () => Item,
  ) => (
    <section className="config-list" aria-label={title} data-testid={`list-${name}`}>
      <div className="block-head">
        <h2>{title}</h2>
        {isAdmin && (
          <button type="button" className="secondary" onClick={() => open(name, fresh())}>
            {t('add')} {title.toLowerCase()}
          </button>
        )}
      </div>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            <span>
              <strong>{r.label}</strong> <small className="muted">{r.detail}</small>
            </span>
            {isAdmin && (
              <button
                type="button"
                className="link"
                aria-label={`${t('edit')} ${r.label}`}
                onClick={() => open(name, r.item)}
              >
                {t('edit')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );

  const form = editing && (
    <form
      className="config-form"
      aria-label={t(editing.section)}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>
        {editing.draft.id ? t('edit') : t('add')} — {t(editing.section)}
      </h2>
      {editing.section === 'zones' && (
        <TextField
          label={t('name')}
          value={(editing.draft as { name: string }).name}
          onChange={(name) => setEditing({ ...editing, draft: { ...editing.draft, name } })}
          error={errors.name ?? errors.id}
        />
      )}
      {editing.section === 'agencies' && (
        <div className="form-grid">
          {(['name', 'shortName', 'contact'] as const).map((key) => (
            <TextField
              key={key}
              label={t(key)}
              value={String((editing.draft as unknown as Record<string, unknown>)[key] ?? '')}
              onChange={(v) => setEditing({ ...editing, draft: { ...editing.draft, [key]: v } })}
              error={errors[key] ?? (key === 'name' ? errors.id : undefined)}
            />
          ))}
        </div>
      )}
      {editing.section === 'services' && (
        <ServiceForm
          t={t}
          building={building}
          draft={editing.draft as never}
          onChange={(draft) => setEditing({ ...editing, draft })}
          errors={errors}
          agencyLocked={false}
        />
      )}
      {editing.section === 'counters' && (
        <CounterForm
          t={t}
          building={building}
          draft={editing.draft as never}
          onChange={(draft) => setEditing({ ...editing, draft })}
          errors={errors}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
        <button type="button" className="secondary" onClick={() => setEditing(null)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );

  return (
    <>
      <div className="page-head">
        <h1>{t('buildingTitle')}</h1>
        {isAdmin && (
          <BuildingFileButtons
            t={t}
            token={token}
            onImported={() => void reload()}
            onNotice={setNotice}
          />
        )}
      </div>
      {!isAdmin && <p className="muted">{t('readOnly')}</p>}
      {notice && <Notice text={notice.text} kind={notice.kind} />}
      {form}
      <div className="config-columns">
        {section(
          'agencies',
          t('agencies'),
          agencies.map((a) => ({ id: a.id, label: a.name, detail: a.shortName, item: a })),
          newAgency,
        )}
        {section(
          'services',
          t('services'),
          services.map((s) => ({
            id: s.id,
            label: `${s.prefix} · ${s.name}`,
            detail: agencyName(s.agencyId),
            item: s,
          })),
          () => newService(firstAgency),
        )}
        {section(
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
          section(
            'zones',
            t('zones'),
            building.zones.map((z) => ({ id: z.id, label: z.name, detail: z.id, item: z })),
            newZone,
          )}
      </div>
    </>
  );
}
