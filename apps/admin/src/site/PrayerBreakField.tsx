import type { Site } from '@antre/domain';
import type { FieldError } from '@antre/protocol';
import { ClockInput } from '../components/ClockInput';
import { fieldMessage, pageLanguage } from '../field-messages';
import type { Translate } from '../messages';

type PrayerBreak = Site['fridayPrayerBreak'];

/** Friday's prayer break: on or off, and from when to when, with the hub's complaint under it. */
export function PrayerBreakField(props: {
  t: Translate;
  value: PrayerBreak;
  error: FieldError | undefined;
  onChange: (value: PrayerBreak) => void;
}) {
  const { t, value, error, onChange } = props;
  return (
    <section aria-labelledby="prayer-title">
      <h3 id="prayer-title">{t('prayerTitle')}</h3>
      <div className="inline-field">
        <label className="check">
          <input
            type="checkbox"
            checked={value !== null}
            onChange={(e) => onChange(e.target.checked ? { open: '11:30', close: '13:00' } : null)}
          />
          {t('prayerOn')}
        </label>
        {value && (
          <>
            <ClockInput
              label={t('prayerFrom')}
              invalid={!!error}
              value={value.open}
              onChange={(open) => onChange({ ...value, open })}
            />
            <span aria-hidden="true">–</span>
            <ClockInput
              label={t('prayerTo')}
              invalid={!!error}
              value={value.close}
              onChange={(close) => onChange({ ...value, close })}
            />
          </>
        )}
      </div>
      {error && (
        <span className="field-error" role="alert">
          {fieldMessage(error, pageLanguage())}
        </span>
      )}
    </section>
  );
}
