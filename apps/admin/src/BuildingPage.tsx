import './admin-config.css';
import './admin-site.css';
import type { Building } from '@antre/domain';
import { useEffect, useState } from 'react';
import { AgencyForm } from './AgencyForm';
import { refusalReason, withoutItem } from './building-delete';
import type { Agency, Item, Section, Service } from './building-drafts';
import { newAgency, newCounter, newService, newZone, placeItem } from './building-drafts';
import { BuildingFileButtons } from './BuildingFileButtons';
import type { Refusal } from './config-api';
import { configApi, fieldsOf } from './config-api';
import { configT } from './config-messages';
import { conflictText } from './conflict-messages';
import { ConfigList } from './ConfigList';
import type { ConfigRow } from './ConfigList';
import { Notice, TextField } from './ConfigField';
import { ConfirmDialog } from './ConfirmDialog';
import { CounterForm } from './CounterForm';
import type { PageProps } from './page-props';
import { ServiceForm } from './ServiceForm';
import { siteT } from './site-messages';

interface Editing {
  section: Section;
  draft: Item;
}

/**
 * Zones, agencies, services and counters; every admin save GETs the building, changes one
 * item, PUTs it all. A supervisor edits their own services through the service endpoint.
 */
export function BuildingPage(props: PageProps) {
  const t = configT(props.language);
  const st = siteT(props.language);
  const token = props.session.token;
  const isAdmin = props.session.user.role === 'admin';
  const [building, setBuilding] = useState<Building>(props.building);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<{
    section: Section;
    row: ConfigRow<Item>;
    problem?: string;
  } | null>(null);
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
        ? t('conflict', { reason: conflictText(r, props.language) })
        : r.status === 403
          ? t('forbidden')
          : t('refused', { reason: r.message });

  async function saveAll(next: Building, prefix: string): Promise<boolean> {
    const answer = await configApi.saveBuilding(token, next);
    if (answer.ok) return true;
    setRefusal({ refusal: answer.refusal, prefix });
    setNotice({ text: explain(answer.refusal), kind: 'bad' });
    return false;
  }

  // A supervisor's service: only the fields they may change, through their agency's endpoint.
  async function saveOwnService(s: Service): Promise<boolean> {
    const { dailyQuota, hours, targetWaitMinutes, standard } = s;
    const answer = await configApi.patchService(token, s.agencyId, s.id, {
      dailyQuota,
      hours,
      targetWaitMinutes,
      standard,
    });
    if (answer.ok) return true;
    if (answer.refusal.status === 401) props.onUnauthorized();
    setRefusal({ refusal: answer.refusal, prefix: '' });
    setNotice({ text: explain(answer.refusal), kind: 'bad' });
    return false;
  }

  async function save(): Promise<void> {
    if (!editing) return;
    setBusy(true);
    let saved = false;
    if (!isAdmin) saved = await saveOwnService(editing.draft as Service);
    else {
      const fresh = await reload();
      if (fresh) {
        const { building: next, index } = placeItem(fresh, editing.section, editing.draft);
        saved = await saveAll(next, `${editing.section}.${index}`);
      }
    }
    if (saved) {
      setEditing(null);
      setRefusal(null);
      setNotice({ text: t('saved'), kind: 'ok' });
      await reload();
    }
    setBusy(false);
  }

  async function remove(section: Section, row: ConfigRow<Item>): Promise<void> {
    setBusy(true);
    const fresh = await reload();
    if (fresh) {
      const next = withoutItem(fresh, section, row.id);
      const answer = await configApi.saveBuilding(token, next);
      if (answer.ok) {
        setDeleting(null);
        setNotice({ text: st('deleted', { name: row.label }), kind: 'ok' });
        if (editing?.draft.id === row.id) setEditing(null);
        window.scrollTo({ top: 0 });
        await reload();
      } else {
        if (answer.refusal.status === 401) props.onUnauthorized();
        const reason = refusalReason(answer.refusal, next, st, props.language);
        setDeleting({ section, row, problem: st('deleteRefused', { reason }) });
      }
    } else setDeleting(null);
    setBusy(false);
  }

  const mine = (agencyId: string) => isAdmin || agencyId === props.session.user.agencyId;
  const agencies = building.agencies.filter((a) => mine(a.id));
  const services = building.services.filter((s) => mine(s.agencyId));
  const counters = building.counters.filter((c) => mine(c.agencyId));
  const agencyName = (id: string) => building.agencies.find((a) => a.id === id)?.shortName ?? id;
  const zoneName = (id: string) => building.zones.find((z) => z.id === id)?.name ?? id;
  const errors = refusal
    ? refusal.prefix
      ? fieldsOf(refusal.refusal, refusal.prefix)
      : refusal.refusal.fields
    : {};
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
      onAdd={isAdmin ? () => open(name, fresh()) : undefined}
      onEdit={isAdmin || supervisorEdits ? (r) => open(name, r.item) : undefined}
      onDelete={isAdmin ? (r) => setDeleting({ section: name, row: r }) : undefined}
    />
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
        {!isAdmin && ` — ${(editing.draft as Service).name}`}
      </h2>
      {!isAdmin && <p className="muted">{st('supervisorHint')}</p>}
      {editing.section === 'zones' && (
        <TextField
          label={t('name')}
          value={(editing.draft as { name: string }).name}
          onChange={(name) => setEditing({ ...editing, draft: { ...editing.draft, name } })}
          error={errors.name ?? errors.id}
        />
      )}
      {editing.section === 'agencies' && (
        <AgencyForm
          t={t}
          draft={editing.draft as Agency}
          onChange={(draft) => setEditing({ ...editing, draft })}
          errors={errors}
        />
      )}
      {editing.section === 'services' && (
        <ServiceForm
          t={t}
          building={building}
          draft={editing.draft as Service}
          onChange={(draft) => setEditing({ ...editing, draft })}
          errors={errors}
          agencyLocked={false}
          limited={!isAdmin}
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
            language={props.language}
            token={token}
            onImported={() => void reload()}
            onNotice={setNotice}
          />
        )}
      </div>
      {!isAdmin && <p className="muted">{t('readOnly')}</p>}
      {notice && <Notice text={notice.text} kind={notice.kind} />}
      {form}
      {deleting && (
        <ConfirmDialog
          title={st('deleteTitle', { name: deleting.row.label })}
          body={st('deleteBody')}
          confirm={st('deleteConfirm')}
          cancel={deleting.problem ? st('closeDialog') : t('cancel')}
          busy={busy}
          problem={deleting.problem ?? null}
          onConfirm={() => void remove(deleting.section, deleting.row)}
          onCancel={() => setDeleting(null)}
        />
      )}
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
    </>
  );
}
