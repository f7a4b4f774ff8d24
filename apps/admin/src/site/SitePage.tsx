import '../admin-config.css';
import '../admin-site.css';
import type { Site } from '@antre/domain';
import type { PublicAddress } from '@antre/protocol';
import { useEffect, useState } from 'react';
import type { Refusal } from '../config-api';
import { ClockInput } from '../components/ClockInput';
import { configApi, syncLogo } from '../config-api';
import { conflictText, refusalText } from '../conflict-messages';
import { Notice, SelectField, TextField } from '../components/ConfigField';
import { fieldMessage, pageLanguage } from '../field-messages';
import { fieldsUnder } from '../field-paths';
import { HolidayList, sortedHolidays } from './HolidayList';
import { HoursOverrides } from './HoursOverrides';
import { LogoPicker } from '../components/LogoPicker';
import type { PageProps } from '../page-props';
import { PublicAddressField } from './PublicAddressField';
import { WeeklyHoursEditor } from '../components/WeeklyHoursEditor';
import { fieldErrors } from '@antre/ui';

const whole = (text: string): number => (text.trim() === '' ? NaN : Number(text));
const shown = (n: number): string => (Number.isNaN(n) ? '' : String(n));

/** "Pengaturan gedung": name, logo, timezone, hours, holidays, prayer break, queue rules. */
export function SitePage(props: PageProps & { onSiteSaved?: (site: Site) => void }) {
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
  const prayer = site.fridayPrayerBreak;
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
        text:
          r.status === 400
            ? t('fixFields')
            : r.status === 409
              ? t('conflict', { reason: conflictText(r.error, props.language) })
              : t('refused', { reason: refusalText(r.error, props.language) }),
        kind: 'bad',
      });
    }
    setBusy(false);
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('siteTitle')}</h1>
      </div>
      <Notice text={notice?.text ?? null} kind={notice?.kind ?? 'ok'} />
      <form
        className="config-form"
        aria-label={t('siteTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="site-grid">
          <div>
            <section>
              <div className="form-grid">
                <TextField
                  label={t('siteName')}
                  value={site.name}
                  onChange={(name) => set({ name })}
                  error={errors.name}
                />
                <SelectField
                  label={t('timezone')}
                  value={site.timezone}
                  options={(['WIB', 'WITA', 'WIT'] as const).map((tz) => ({
                    value: tz,
                    label: t(`tz${tz}`),
                  }))}
                  onChange={(tz) => set({ timezone: tz as Site['timezone'] })}
                  error={errors.timezone}
                />
              </div>
            </section>
            <section aria-labelledby="address-title">
              <h3 id="address-title">{t('addressTitle')}</h3>
              <PublicAddressField
                t={t}
                value={site.publicUrl ?? ''}
                onChange={(publicUrl) => set({ publicUrl })}
                error={errors.publicUrl}
                current={address}
              />
            </section>
            <section>
              <LogoPicker
                t={t}
                name={site.name}
                logo={site.logo}
                onChange={(logo) => set({ logo })}
                error={errors.logo}
              />
            </section>
            <section aria-labelledby="hours-title">
              <h3 id="hours-title">{t('hoursTitle')}</h3>
              <WeeklyHoursEditor
                t={t}
                hours={site.hours}
                onChange={(hours) => set({ hours })}
                errors={fieldsUnder(errors, 'hours')}
              />
            </section>
            <HoursOverrides building={building} t={t} />
            <section aria-labelledby="prayer-title">
              <h3 id="prayer-title">{t('prayerTitle')}</h3>
              <div className="inline-field">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={prayer !== null}
                    onChange={(e) =>
                      set({
                        fridayPrayerBreak: e.target.checked
                          ? { open: '11:30', close: '13:00' }
                          : null,
                      })
                    }
                  />
                  {t('prayerOn')}
                </label>
                {prayer && (
                  <>
                    <ClockInput
                      label={t('prayerFrom')}
                      invalid={!!prayerError}
                      value={prayer.open}
                      onChange={(open) => set({ fridayPrayerBreak: { ...prayer, open } })}
                    />
                    <span aria-hidden="true">–</span>
                    <ClockInput
                      label={t('prayerTo')}
                      invalid={!!prayerError}
                      value={prayer.close}
                      onChange={(close) => set({ fridayPrayerBreak: { ...prayer, close } })}
                    />
                  </>
                )}
              </div>
              {prayerError && (
                <span className="field-error" role="alert">
                  {fieldMessage(prayerError, pageLanguage())}
                </span>
              )}
            </section>
          </div>
          <div>
            <section aria-labelledby="holidays-title">
              <h3 id="holidays-title">{t('holidaysTitle')}</h3>
              <HolidayList
                t={t}
                holidays={site.holidays}
                onChange={(holidays) => set({ holidays })}
                errors={fieldsUnder(errors, 'holidays')}
              />
            </section>
            <section aria-labelledby="rules-title">
              <h3 id="rules-title">{t('queueRulesTitle')}</h3>
              <div className="form-grid">
                <TextField
                  label={t('noShowRequeue')}
                  type="number"
                  value={shown(site.noShowRequeueMinutes)}
                  onChange={(v) => set({ noShowRequeueMinutes: whole(v) })}
                  error={errors.noShowRequeueMinutes}
                />
                <TextField
                  label={t('recallsBeforeNoShow')}
                  type="number"
                  value={shown(site.recallsBeforeNoShow)}
                  onChange={(v) => set({ recallsBeforeNoShow: whole(v) })}
                  error={errors.recallsBeforeNoShow}
                />
                <TextField
                  label={t('expireAfterClose')}
                  type="number"
                  value={shown(site.expireAfterCloseMinutes)}
                  onChange={(v) => set({ expireAfterCloseMinutes: whole(v) })}
                  error={errors.expireAfterCloseMinutes}
                />
                <label className="check">
                  <input
                    type="checkbox"
                    checked={site.autoServeOnCall}
                    onChange={(e) => set({ autoServeOnCall: e.target.checked })}
                  />
                  {t('autoServe')}
                </label>
              </div>
            </section>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </>
  );
}
