import type { BookingView } from '@antre/protocol';

/**
 * The booking as an iCalendar event, made in the browser: nothing about it leaves the phone.
 * The `ics` library (with its validator) loads only when asked, to keep the first page light.
 */
export async function calendarFile(
  view: BookingView,
  texts: { title: string; location: string; description: string },
): Promise<string> {
  const { createEvent } = await import('ics');
  const { error, value } = createEvent({
    uid: `${view.code}@${window.location.hostname || 'antre'}`,
    productId: 'antre/booking',
    start: view.sessionStart,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: view.sessionEnd,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: texts.title,
    location: texts.location,
    description: texts.description,
    status: 'CONFIRMED',
    alarms: [{ action: 'display', description: texts.title, trigger: { hours: 1, before: true } }],
  });
  if (error || !value) throw error ?? new Error('No calendar file');
  return value;
}

export function downloadCalendarFile(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
