import type { TimezoneCode } from '@antre/domain';
import type { AlarmView } from '@antre/protocol';
import { formatTime } from './format';
import type { Language } from './i18n';
import type { SharedWord } from './messages';
import { sharedT, SHARED_WORDS } from './messages';

// Staff alarms in plain words, the same on the admin's live page and a supervisor's counter.
export const alarmTitle = (language: Language): string => sharedT(language)('alarm.title');

/** What is wrong, in a sentence: "Perekaman KTP-el: 31 orang menunggu, melebihi batas 30". */
export function alarmText(alarm: AlarmView, language: Language): string {
  const t = sharedT(language);
  const d = alarm.detail;
  const text = (key: string): string => String(d[key] ?? '');
  switch (alarm.kind) {
    case 'wait_over_target':
      return t('alarm.wait_over_target', {
        service: text('serviceName'),
        target: text('target'),
        ticket: text('ticketLabel'),
      });
    case 'too_many_waiting':
    case 'no_open_counter':
      return t(`alarm.${alarm.kind}`, {
        service: text('serviceName'),
        waiting: text('waiting'),
        max: text('max'),
      });
    case 'counter_paused_long':
      return (
        t('alarm.counter_paused_long', { counter: text('counterName'), limit: text('limit') }) +
        (d.reason ? t('alarm.reason', { reason: text('reason') }) : '')
      );
    case 'printer':
      return t('alarm.printer', {
        device: text('deviceName'),
        alert: printerState(text('alert'), language),
      });
  }
}

/** Since when, and for how long: "sejak 09.41, 25 menit", in the building's timezone. */
export function alarmSince(
  alarm: AlarmView,
  now: number,
  timezone: TimezoneCode,
  language: Language,
): string {
  const t = sharedT(language);
  const minutes = Math.max(0, Math.floor((now - alarm.since) / 60_000));
  const duration =
    minutes < 60
      ? t('alarm.minutes', { m: minutes })
      : t('alarm.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
  return t('alarm.since', { time: formatTime(alarm.since, timezone, language), duration });
}

/** A printer's state in words; one this app does not know yet as the hub named it. */
function printerState(state: string, language: Language): string {
  const key = `printerState.${state}`;
  return key in SHARED_WORDS.id ? sharedT(language)(key as SharedWord) : state;
}
