// Notifications under load: a gateway that answers at once, slowly or never, the admin's settings for
// it, and what the hub's outbox holds at the end of a phase.
import type { FakeProvider } from '@antre/hub/testing';
import { startFakeProvider } from '@antre/hub/testing';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { sendJson } from './hub-api';

export type GatewayMode = 'fast' | 'slow' | 'hang';
export const SLOW_ANSWER_MS = 5_000;

export async function startGateway(mode: GatewayMode): Promise<FakeProvider> {
  const gateway = await startFakeProvider();
  if (mode === 'slow') gateway.slow(SLOW_ANSWER_MS);
  if (mode === 'hang') gateway.hang();
  return gateway;
}

/** Phone messages go through the gateway; nearAhead at its most, so every waiting holder is told. */
export async function configureGateway(
  hubUrl: string,
  adminToken: string,
  gatewayUrl: string,
): Promise<void> {
  const channel = await sendJson(
    hubUrl,
    'POST',
    '/api/admin/notify/channels',
    {
      kind: 'http',
      name: 'Gateway uji beban',
      enabled: true,
      url: `${gatewayUrl}/send`,
      method: 'POST',
      contentType: 'json',
      headers: [],
      body: '{"to":"{{phone}}","text":"{{text}}","ref":"{{key}}"}',
    },
    adminToken,
  );
  if (typeof channel.id !== 'string')
    throw new Error(`channel refused: ${JSON.stringify(channel)}`);
  const settings = await sendJson(
    hubUrl,
    'PUT',
    '/api/admin/notify/settings',
    { phoneChannelId: channel.id, nearAhead: 20 },
    adminToken,
  );
  if (settings.phoneChannelId !== channel.id)
    throw new Error(`settings refused: ${JSON.stringify(settings)}`);
}

export interface OutboxCounts {
  enqueued: number;
  sent: number;
  pending: number;
  failed: number;
  /** Messages whose last attempt the hub cut for want of an answer. */
  cut: number;
}

/** Read beside the running hub (WAL), so the hub's own loop does none of this work. */
export function outboxCounts(dataDir: string): OutboxCounts {
  const db = new Database(join(dataDir, 'antre.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT COUNT(*) AS enqueued,
                COALESCE(SUM(status = 'sent'), 0) AS sent,
                COALESCE(SUM(status = 'pending'), 0) AS pending,
                COALESCE(SUM(status = 'failed'), 0) AS failed,
                COALESCE(SUM(last_error = 'no answer in time'), 0) AS cut
         FROM notify_outbox`,
      )
      .get() as OutboxCounts;
  } finally {
    db.close();
  }
}
