import { escapeReceiptText } from './receipt-escape';
import type { SiteTimeZone, TicketLanguage } from './ticket-words';
import {
  estimatedWaitText,
  formatIssuedAt,
  formatIssuedDate,
  formatIssuedTime,
  peopleAheadText,
  sessionText,
  TICKET_WORDS,
} from './ticket-words';

export interface TicketContent {
  siteName: string;
  agencyName: string;
  serviceName: string;
  /** 'A-001' */
  label: string;
  /** e.g. 'Prioritas: Lansia' */
  priorityLabel?: string;
  /** Antrean online: marks the ticket, with the booked session when the visitor came in time. */
  online?: { session: { start: number; end: number } | null };
  /** epoch ms */
  issuedAt: number;
  timeZone: SiteTimeZone;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  /** http://hub/t/<code> */
  trackingUrl: string;
  /** where to go: 'Loket 12–13 · Lantai 1 — Aula Utama' */
  place?: string;
  footer?: string;
  /** default 'id': Indonesian date, time and words */
  language?: TicketLanguage;
}

/**
 * The ticket as receiptline markup. `{{name}}` marks where a value goes; a line whose
 * placeholders are all empty (no priority, no estimate yet) is left out. Keep
 * resources/templates/ticket-default.receipt identical (a test checks it).
 */
export const DEFAULT_TICKET_TEMPLATE = `"{{siteName}}"
{{agencyName}}
-
^^{{serviceName}}
{{place}}

{{bigLabel}}
"{{priorityLabel}}"
\`"{{onlineMark}}"\`
{{onlineSession}}

{{issuedDate}}
{{issuedTime}}
{{peopleAhead}}
{{estimatedWait}}

{code:{{trackingUrl}}; option:qrcode,6,m}

{{trackingHint}}
{{trackingUrl}}
-
{{footer}}
`;

export const TICKET_PLACEHOLDERS = [
  'siteName',
  'agencyName',
  'serviceName',
  'place',
  'label',
  'bigLabel',
  'priorityLabel',
  'onlineMark',
  'onlineSession',
  'issuedAt',
  'issuedDate',
  'issuedTime',
  'peopleAhead',
  'estimatedWait',
  'trackingUrl',
  'trackingHint',
  'footer',
] as const;
export type TicketPlaceholder = (typeof TICKET_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
// The narrowest paper (58 mm) has 32 columns; the number must never wrap there.
const NARROWEST_COLUMNS = 32;

/** Renders a ticket into a receiptline document; every inserted value is escaped. */
export function ticketDocument(
  content: TicketContent,
  template: string = DEFAULT_TICKET_TEMPLATE,
): string {
  const values = ticketValues(content);
  return template
    .split(/\r?\n/)
    .flatMap((line) => {
      let placeholders = 0;
      let filled = 0;
      const rendered = line.replace(PLACEHOLDER, (_match, name: string) => {
        placeholders += 1;
        const value = isPlaceholder(name) ? values[name] : '';
        if (value !== '') filled += 1;
        return value;
      });
      return placeholders > 0 && filled === 0 ? [] : [rendered];
    })
    .join('\n');
}

/** Names in `{{…}}` that a template uses but the ticket does not know, for the admin's editor. */
export function unknownTemplatePlaceholders(template: string): string[] {
  const names = [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return [...new Set(names.filter((name) => !isPlaceholder(name)))];
}

function isPlaceholder(name: string): name is TicketPlaceholder {
  return (TICKET_PLACEHOLDERS as readonly string[]).includes(name);
}

function ticketValues(content: TicketContent): Record<TicketPlaceholder, string> {
  const language = content.language ?? 'id';
  const words = TICKET_WORDS[language];
  const plain: Record<Exclude<TicketPlaceholder, 'bigLabel'>, string> = {
    siteName: content.siteName,
    agencyName: content.agencyName,
    serviceName: content.serviceName,
    place: content.place ?? '',
    label: content.label,
    priorityLabel: content.priorityLabel ?? '',
    onlineMark: content.online ? words.onlineMark : '',
    onlineSession: content.online?.session
      ? sessionText(content.online.session, content.timeZone, language)
      : '',
    issuedAt: formatIssuedAt(content.issuedAt, content.timeZone, language),
    issuedDate: formatIssuedDate(content.issuedAt, content.timeZone, language),
    issuedTime: formatIssuedTime(content.issuedAt, content.timeZone, language),
    peopleAhead: peopleAheadText(content.peopleAhead, language),
    estimatedWait: estimatedWaitText(content.estimatedWaitMinutes, language),
    trackingUrl: content.trackingUrl,
    trackingHint: content.trackingUrl ? words.trackingHint : '',
    footer: content.footer ?? words.footer,
  };
  const escaped = Object.fromEntries(
    Object.entries(plain).map(([name, value]) => [name, escapeReceiptText(value)]),
  ) as Record<Exclude<TicketPlaceholder, 'bigLabel'>, string>;
  return { ...escaped, bigLabel: bigText(content.label) };
}

/** The label at the largest receiptline size that still fits one line of 58 mm paper. */
function bigText(label: string): string {
  if (label === '') return '';
  const scale = Math.min(6, Math.floor(NARROWEST_COLUMNS / [...label].length));
  // '^' doubles the width only; '^^' doubles the height; n+1 carets scale by n (2..6).
  const carets = scale >= 2 ? '^'.repeat(scale + 1) : '^^';
  return `${carets}${escapeReceiptText(label)}`;
}
