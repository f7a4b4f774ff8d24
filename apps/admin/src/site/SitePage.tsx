import '../admin-config.css';
import '../admin-site.css';
import type { Site } from '@antre/domain';
import { Notice, SelectField, TextField } from '../components/ConfigField';
import { LogoPicker } from '../components/LogoPicker';
import { WeeklyHoursEditor } from '../components/WeeklyHoursEditor';
import { fieldsUnder } from '../field-paths';
import { HolidayList } from './HolidayList';
import { HoursOverrides } from './HoursOverrides';
import { PrayerBreakField } from './PrayerBreakField';
import { PublicAddressField } from './PublicAddressField';
import type { SitePageProps } from './use-site-page';
import { useSitePage } from './use-site-page';

const whole = (text: string): number => (text.trim() === '' ? NaN : Number(text));
const shown = (n: number): string => (Number.isNaN(n) ? '' : String(n));

/** "Pengaturan gedung": name, logo, timezone, hours, holidays, prayer break, queue rules. */
export function SitePage(props: SitePageProps) {
  const { t } = props;
  const { site, set, building, address, errors, prayerError, notice, busy, save } =
    useSitePage(props);

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
            <PrayerBreakField
              t={t}
              value={site.fridayPrayerBreak}
              error={prayerError}
              onChange={(fridayPrayerBreak) => set({ fridayPrayerBreak })}
            />
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
