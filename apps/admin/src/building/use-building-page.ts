import type { Building } from '@antre/domain';
import { fieldErrors } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { Refusal } from '../config-api';
import { configApi, fieldsOf, syncLogo } from '../config-api';
import { refusalNotice } from '../conflict-messages';
import type { PageProps } from '../page-props';
import type { ConfigRow } from './ConfigList';
import { refusalReason, withoutItem } from './building-delete';
import type { Agency, Item, Section, Service } from './building-drafts';
import { placeItem } from './building-drafts';
import type { Editing } from './BuildingItemForm';
import { linkedItem } from './building-links';

export type BuildingPageProps = PageProps & { onBuildingChanged?: (building: Building) => void };

/**
 * The Gedung page's state and saves: every admin save GETs the building, changes one item,
 * PUTs it all but the logos (an agency's goes to its own endpoint). A supervisor edits their
 * own services through the service endpoint.
 */
export function useBuildingPage(props: BuildingPageProps) {
  const { t } = props;
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
      if (fresh.status === 401) props.onUnauthorized();
      return null;
    }
    setBuilding(fresh.value);
    return fresh.value;
  };
  const open = (section: Section, draft: Item) => {
    setEditing({ section, draft });
    setRefusal(null);
    setNotice(null);
  };
  useEffect(() => {
    void reload().then((fresh) => {
      // A link from elsewhere (the site page's own-hours list) opens that item's form.
      const linked = linkedItem(window.location.hash);
      if (!linked) return;
      window.history.replaceState(null, '', '#building');
      const item = fresh?.[linked.section].find((i) => i.id === linked.id);
      if (item) open(linked.section, item);
    });
  }, []);
  const explain = (r: Refusal): string => refusalNotice(r, props.language);

  async function saveAll(next: Building, prefix: string): Promise<boolean> {
    const answer = await configApi.saveBuilding(token, next);
    if (answer.ok) return true;
    setRefusal({ refusal: answer, prefix });
    setNotice({ text: explain(answer), kind: 'bad' });
    return false;
  }

  // A supervisor's service: only the fields they may change, through their agency's endpoint.
  async function saveOwnService(s: Service): Promise<boolean> {
    const { dailyQuota, hours, targetWaitMinutes, standard, booking = null } = s;
    const answer = await configApi.patchService(token, s.agencyId, s.id, {
      dailyQuota,
      hours,
      targetWaitMinutes,
      standard,
      booking,
    });
    if (answer.ok) return true;
    if (answer.status === 401) props.onUnauthorized();
    setRefusal({ refusal: answer, prefix: '' });
    setNotice({ text: explain(answer), kind: 'bad' });
    return false;
  }

  // An agency's logo goes to its own endpoint once the agency is saved, and only if changed.
  async function saveAgencyLogo(agency: Agency, fresh: Building): Promise<boolean> {
    const stored = fresh.agencies.find((a) => a.id === agency.id)?.logo;
    const answer = await syncLogo(token, `agencies/${agency.id}`, agency.logo, stored);
    if (answer.ok) return true;
    if (answer.status === 401) props.onUnauthorized();
    // A new agency now has its id: saving again must not add it twice.
    setEditing({ section: 'agencies', draft: agency });
    setRefusal({ refusal: answer, prefix: '' });
    setNotice({ text: explain(answer), kind: 'bad' });
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
        if (saved && editing.section === 'agencies')
          saved = await saveAgencyLogo(next.agencies[index]!, fresh);
      }
    }
    if (saved) {
      setEditing(null);
      setRefusal(null);
      await reload();
      setNotice({ text: t('saved'), kind: 'ok' });
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
        if (editing?.draft.id === row.id) setEditing(null);
        // Said once the list is fresh, so what the notice says is what the page shows.
        await reload();
        setNotice({ text: t('deleted', { name: row.label }), kind: 'ok' });
        window.scrollTo({ top: 0 });
      } else {
        if (answer.status === 401) props.onUnauthorized();
        const reason = refusalReason(answer, next, t, props.language);
        setDeleting({ section, row, problem: t('deleteRefused', { reason }) });
      }
    } else setDeleting(null);
    setBusy(false);
  }

  // The shell shows the site's name too: it follows an imported file at once.
  async function imported(): Promise<void> {
    const fresh = await reload();
    if (!fresh) return;
    props.onBuildingChanged?.(fresh);
    setEditing(null);
    setRefusal(null);
    setNotice({
      text: t('imported', {
        site: fresh.site.name,
        agencies: fresh.agencies.length,
        services: fresh.services.length,
        counters: fresh.counters.length,
      }),
      kind: 'ok',
    });
  }

  const errors = refusal
    ? refusal.prefix
      ? fieldsOf(refusal.refusal, refusal.prefix)
      : fieldErrors(refusal.refusal)
    : {};

  return {
    token,
    isAdmin,
    building,
    editing,
    setEditing,
    deleting,
    setDeleting,
    notice,
    setNotice,
    busy,
    errors,
    open,
    save,
    remove,
    imported,
  };
}
