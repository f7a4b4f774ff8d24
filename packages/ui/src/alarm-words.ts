import type { TimezoneCode } from '@antre/domain';
import type { AlarmView } from '@antre/protocol';
import { formatTime } from './format';
import type { Language, Messages } from './i18n';
import { translator } from './i18n';

// Staff alarms in plain words, the same on the admin's live page and a supervisor's counter.
const MESSAGES: Messages<AlarmView['kind'] | 'reason' | 'since' | 'minutes' | 'hours' | 'title'> = {
  id: {
    title: 'Peringatan antrean',
    wait_over_target: '{service}: tunggu terlama melewati target {target} menit (nomor {ticket})',
    too_many_waiting: '{service}: {waiting} orang menunggu, melebihi batas {max}',
    no_open_counter: '{service}: {waiting} orang menunggu, tidak ada loket yang buka',
    counter_paused_long: '{counter} istirahat lebih dari {limit} menit',
    printer: 'Printer {device}: {alert}',
    reason: ' ({reason})',
    since: 'sejak {time}, {duration}',
    minutes: '{m} menit',
    hours: '{h} jam {m} menit',
  },
  en: {
    title: 'Queue alerts',
    wait_over_target:
      '{service}: longest wait is past the {target}-minute target (number {ticket})',
    too_many_waiting: '{service}: {waiting} people waiting, over the limit of {max}',
    no_open_counter: '{service}: {waiting} people waiting, no counter open',
    counter_paused_long: '{counter} on a break for over {limit} minutes',
    printer: 'Printer {device}: {alert}',
    reason: ' ({reason})',
    since: 'since {time}, {duration}',
    minutes: '{m} min',
    hours: '{h} h {m} min',
  },
};

const PRINTER_STATES: Record<Language, Record<string, string>> = {
  id: {
    paper_out: 'kertas habis',
    paper_near_end: 'kertas hampir habis',
    cover_open: 'tutup terbuka',
    offline: 'mati atau tidak terhubung',
    no_answer: 'tidak menjawab',
    write_failed: 'gagal mencetak',
    no_printer: 'belum diatur',
  },
  en: {
    paper_out: 'out of paper',
    paper_near_end: 'paper nearly out',
    cover_open: 'cover open',
    offline: 'off or disconnected',
    no_answer: 'not answering',
    write_failed: 'printing failed',
    no_printer: 'not set up',
  },
};

export const alarmTitle = (language: Language): string => translator(MESSAGES, language)('title');

/** What is wrong, in a sentence: "Perekaman KTP-el: 31 orang menunggu, melebihi batas 30". */
export function alarmText(alarm: AlarmView, language: Language): string {
  const t = translator(MESSAGES, language);
  const d = alarm.detail;
  const text = (key: string): string => String(d[key] ?? '');
  switch (alarm.kind) {
    case 'wait_over_target':
      return t('wait_over_target', {
        service: text('serviceName'),
        target: text('target'),
        ticket: text('ticketLabel'),
      });
    case 'too_many_waiting':
    case 'no_open_counter':
      return t(alarm.kind, {
        service: text('serviceName'),
        waiting: text('waiting'),
        max: text('max'),
      });
    case 'counter_paused_long':
      return (
        t('counter_paused_long', { counter: text('counterName'), limit: text('limit') }) +
        (d.reason ? t('reason', { reason: text('reason') }) : '')
      );
    case 'printer':
      return t('printer', {
        device: text('deviceName'),
        alert: PRINTER_STATES[language][text('alert')] ?? text('alert'),
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
  const t = translator(MESSAGES, language);
  const minutes = Math.max(0, Math.floor((now - alarm.since) / 60_000));
  const duration =
    minutes < 60
      ? t('minutes', { m: minutes })
      : t('hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
  return t('since', { time: formatTime(alarm.since, timezone, language), duration });
}
