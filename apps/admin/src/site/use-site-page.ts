import type { Site } from '@antre/domain';
import type { PublicAddress } from '@antre/protocol';
import { fieldErrors } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { Refusal } from '../config-api';
import { configApi, syncLogo } from '../config-api';
import { refusalNotice } from '../conflict-messages';
import type { PageProps } from '../page-props';
import { sortedHolidays } from './HolidayList';

export type SitePageProps = PageProps & { onSiteSaved?: (site: Site) => void };

/** The site page's draft, the hub's public address and the save (settings, then the logo). */
export function useSitePage(props: SitePageProps) {
  const { t } = props;
  const token = props.session.token;
  const [site, setSite] = useState<Site>(props.building.site);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'bad' } | null>(null);
  const [busy, setBusy] = useState(false);
  const [building, setBuilding] = useState(props.building);
  const [address, setAddress] = useState<PublicAddress | null>(null);
  // The logo the hub has: a save sends the logo only when the admin changed it.
  const [storedLogo, setStoredLogo] = useState(props.building.site.logo);
  const loadAddress = () =>
    configApi.address(token).then((answer) => setAddress(answer.ok ? answer.value : null));

  useEffect(() => {
    void configApi.building(token).then((fresh) => {
      if (fresh.ok) {
        setSite(fresh.value.site);
        setStoredLogo(fresh.value.site.logo);
        setBuilding(fresh.value);
      } else if (fresh.status === 401) props.onUnauthorized();
    });
    void loadAddress();
  }, [token]);

  const set = (patch: Partial<Site>) => setSite({ ...site, ...patch });
  const errors = fieldErrors(refusal);
  const prayerError =
    errors['fridayPrayerBreak.open'] ??
    errors['fridayPrayerBreak.close'] ??
    errors.fridayPrayerBreak;

  // The settings first, then the logo on its own endpoint if it changed: never the building.
  async function save(): Promise<void> {
    setBusy(true);
    // An emptied address is no address: the hub falls back to its LAN one.
    const publicUrl = site.publicUrl?.trim() || undefined;
    const next = { ...site, holidays: sortedHolidays(site.holidays), publicUrl };
    setSite(next);
    const { logo, ...settings } = next;
    const saved = await configApi.saveSite(token, settings);
    const answer = saved.ok ? await syncLogo(token, 'site', logo, storedLogo) : saved;
    if (answer.ok) {
      setStoredLogo(logo);
      setRefusal(null);
      setNotice({ text: t('saved'), kind: 'ok' });
      props.onSiteSaved?.(next);
      void loadAddress();
    } else {
      const r = answer;
      if (r.status === 401) props.onUnauthorized();
      setRefusal(r);
      setNotice({
        text: refusalNotice(r, props.language),
        kind: 'bad',
      });
    }
    setBusy(false);
  }

  return { site, set, building, address, errors, prayerError, notice, busy, save };
}
