import type { PendingPairing } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import type { Sql, SqlRunner } from '../db/sql';
import type { SealKeys } from './token-seal';

export interface PairingRow {
  id: string;
  code: string;
  role: 'kiosk' | 'display';
  name: string | null;
  ip: string;
  secret_hash: string;
  seal_public_key: string;
  seal_private_key: string;
  status: 'pending' | 'approved' | 'rejected' | 'delivered';
  created_at: number;
  expires_at: number;
  device_id: string | null;
  sealed_token: string | null;
}

export interface NewPairing {
  code: string;
  role: PairingRow['role'];
  name: string | null;
  ip: string;
  secretHash: string;
  keys: SealKeys;
  now: number;
  expiresAt: number;
}

const PENDING = `SELECT * FROM pairing_requests WHERE status = 'pending' AND expires_at > ?
  ORDER BY created_at`;

/**
 * Pairing requests. Approving, rejecting and delivering change only a request still in the
 * state they expect and say whether they did: of two at once, one wins and the other is told.
 */
export function createPairingStore(sql: Sql) {
  return {
    byId: (id: string): Promise<PairingRow | undefined> =>
      sql.get<PairingRow>('SELECT * FROM pairing_requests WHERE id = ?', [id]),

    latestByCode: (code: string, tx: SqlRunner = sql): Promise<PairingRow | undefined> =>
      tx.get<PairingRow>(
        'SELECT * FROM pairing_requests WHERE code = ? ORDER BY created_at DESC LIMIT 1',
        [code],
      ),

    codeInUse: async (code: string, now: number): Promise<boolean> =>
      (await sql.get(
        `SELECT id FROM pairing_requests WHERE status = 'pending' AND expires_at > ? AND code = ?
         LIMIT 1`,
        [now, code],
      )) !== undefined,

    /** Still pending, but whose time ran out after `from` and by `to`. */
    expiredBetween: (from: number, to: number): Promise<PairingRow[]> =>
      sql.all<PairingRow>(
        `SELECT * FROM pairing_requests WHERE status = 'pending' AND expires_at > ? AND expires_at <= ?`,
        [from, to],
      ),

    pending: async (now: number): Promise<PendingPairing[]> =>
      (await sql.all<PairingRow>(PENDING, [now])).map((row) => ({
        pairingId: row.id,
        code: row.code,
        role: row.role,
        name: row.name,
        ip: row.ip,
        requestedAt: row.created_at,
        expiresAt: row.expires_at,
      })),

    async insert(pairing: NewPairing): Promise<string> {
      const id = randomUUID();
      await sql.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO pairing_requests
             (id, code, role, name, ip, secret_hash, seal_public_key, seal_private_key, status, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
          [
            id,
            pairing.code,
            pairing.role,
            pairing.name,
            pairing.ip,
            pairing.secretHash,
            pairing.keys.publicKey,
            pairing.keys.lockedPrivateKey,
            pairing.now,
            pairing.expiresAt,
          ],
        );
        // Old requests are of no use to anyone; keep the table small.
        await tx.run('DELETE FROM pairing_requests WHERE expires_at < ?', [
          pairing.now - 24 * 60 * 60_000,
        ]);
      });
      return id;
    },

    async approve(
      tx: SqlRunner,
      id: string,
      deviceId: string,
      sealedToken: string,
    ): Promise<boolean> {
      const { changes } = await tx.run(
        `UPDATE pairing_requests SET status = 'approved', device_id = ?, sealed_token = ?
         WHERE id = ? AND status = 'pending'`,
        [deviceId, sealedToken, id],
      );
      return changes === 1;
    },

    async reject(id: string): Promise<boolean> {
      const { changes } = await sql.run(
        `UPDATE pairing_requests SET status = 'rejected' WHERE id = ? AND status = 'pending'`,
        [id],
      );
      return changes === 1;
    },

    /** The token is handed over once: only the poll that marks it delivered gets it. */
    async markDelivered(id: string): Promise<boolean> {
      const { changes } = await sql.run(
        `UPDATE pairing_requests SET status = 'delivered', sealed_token = NULL, seal_private_key = ''
         WHERE id = ? AND status = 'approved'`,
        [id],
      );
      return changes === 1;
    },
  };
}

export type PairingStore = ReturnType<typeof createPairingStore>;
