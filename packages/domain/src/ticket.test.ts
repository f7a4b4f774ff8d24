import { describe, expect, it } from 'vitest';
import { ticketIn } from './testing/test-ticket';
import type { TicketStatus } from './ticket';
import { TICKET_STATUSES, canMove, formatLabel, isOpenTicket, moveTicket } from './ticket';

// The lifecycle of docs/architecture.md, written out again here so the table in ticket.ts is checked
// against it rather than against itself.
const LEGAL: [TicketStatus, TicketStatus, string][] = [
  ['printing', 'waiting', 'the printer confirmed'],
  ['printing', 'void', 'the print failed'],
  ['waiting', 'called', 'a counter called it'],
  ['waiting', 'cancelled', 'the visitor cancelled'],
  ['waiting', 'expired', 'the site closed'],
  ['called', 'serving', 'the officer started serving, or the site serves on call'],
  ['called', 'done', 'auto-serve finished it'],
  ['called', 'no_show', 'the visitor did not come'],
  ['called', 'parked', 'the visitor went to fetch a document'],
  ['called', 'waiting', 'it was transferred'],
  ['called', 'expired', 'the day ended'],
  ['serving', 'done', 'the officer finished'],
  ['serving', 'parked', 'the visitor went to fetch a document'],
  ['serving', 'waiting', 'it was transferred'],
  ['serving', 'expired', 'the day ended'],
  ['serving', 'no_show', 'serving began on call and nobody came'],
  ['parked', 'called', 'the officer called it back'],
  ['parked', 'expired', 'the day ended'],
  ['no_show', 'waiting', 'the visitor arrived late'],
  ['no_show', 'expired', 'the day ended'],
];

const isLegal = (from: TicketStatus, to: TicketStatus): boolean =>
  LEGAL.some(([f, t]) => f === from && t === to);

const ILLEGAL = TICKET_STATUSES.flatMap((from) =>
  TICKET_STATUSES.filter((to) => !isLegal(from, to)).map((to) => [from, to] as const),
);

describe('ticket state machine', () => {
  it.each(LEGAL)('when %s becomes %s (%s), then the move is allowed', (from, to) => {
    expect(canMove(from, to)).toBe(true);
    const moved = moveTicket(ticketIn(from), to, { finishedAt: 5000 });
    expect(moved).toEqual({ ok: true, value: { ...ticketIn(from), status: to, finishedAt: 5000 } });
  });

  it.each(ILLEGAL)(
    'when %s would become %s, then an illegal_transition error comes back',
    (from, to) => {
      expect(canMove(from, to)).toBe(false);
      const before = ticketIn(from);
      const moved = moveTicket(before, to);
      expect(moved.ok).toBe(false);
      if (moved.ok) return;
      expect(moved.error.code).toBe('illegal_transition');
      expect(moved.error.message).toContain('A-007');
      expect(before.status).toBe(from);
    },
  );

  it('when every pair is counted, then the table has 20 legal and 80 illegal moves', () => {
    expect(LEGAL).toHaveLength(20);
    expect(ILLEGAL).toHaveLength(TICKET_STATUSES.length ** 2 - 20);
  });

  it.each([
    ['printing', true],
    ['waiting', true],
    ['called', true],
    ['serving', true],
    ['parked', true],
    ['no_show', true],
    ['done', false],
    ['void', false],
    ['cancelled', false],
    ['expired', false],
  ] as const)('when a ticket is %s, then open is %s', (status, open) => {
    expect(isOpenTicket(status)).toBe(open);
  });
});

describe('formatLabel', () => {
  it.each([
    ['A', 1, 'A-001'],
    ['A', 7, 'A-007'],
    ['B', 42, 'B-042'],
    ['S', 100, 'S-100'],
    ['KK', 999, 'KK-999'],
    ['A', 1000, 'A-1000'],
    ['PB', 12345, 'PB-12345'],
  ] as const)('when prefix %s and number %i, then the label is %s', (prefix, n, label) => {
    expect(formatLabel(prefix, n)).toBe(label);
  });
});
