import type { Channel } from '../channel';

/** Sends nothing: the outbox row, marked sent, is the record of what would have gone out. */
export const logChannel = (): Channel => ({
  kind: 'log',
  send: () => Promise.resolve({ ok: true, answer: 'logged' }),
});
