import { describe, expect, it } from 'vitest';
import {
  neverStopping as never,
  sampleMessage as message,
  samplePhone as phone,
} from '../testing/sample-message';
import { logChannel } from './log-channel';

describe('log channel', () => {
  it('when a message is logged, then it counts as sent: the outbox row is the record', async () => {
    expect(await logChannel().send(phone, message(), never)).toEqual({
      ok: true,
      answer: 'logged',
    });
  });
});
