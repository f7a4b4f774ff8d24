import type { PendingPairing } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
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

export function createPairingStore(db: Db) {
  const byId = db.prepare<[string], PairingRow>('SELECT * FROM pairing_requests WHERE id = ?');
  const latestByCode = db.prepare<[string], PairingRow>(
    'SELECT * FROM pairing_requests WHERE code = ? ORDER BY created_at DESC LIMIT 1',
  );
  const livePending = db.prepare<[number], PairingRow>(
    `SELECT * FROM pairing_requests WHERE status = 'pending' AND expires_at > ?
     ORDER BY created_at`,
  );

  const expiredBetween = db.prepare<[number, number], PairingRow>(
    `SELECT * FROM pairing_requests WHERE status = 'pending' AND expires_at > ? AND expires_at <= ?`,
  );

  return {
    byId: (id: string): PairingRow | undefined => byId.get(id),
    latestByCode: (code: string): PairingRow | undefined => latestByCode.get(code),

    codeInUse: (code: string, now: number): boolean =>
      livePending.all(now).some((row) => row.code === code),

    /** Still pending, but whose time ran out after `from` and by `to`. */
    expiredBetween: (from: number, to: number): PairingRow[] => expiredBetween.all(from, to),

    pending: (now: number): PendingPairing[] =>
      livePending.all(now).map((row) => ({
        pairingId: row.id,
        code: row.code,
        role: row.role,
        name: row.name,
        ip: row.ip,
        requestedAt: row.created_at,
        expiresAt: row.expires_at,
      })),

    insert(pairing: NewPairing): string {
      const id = randomUUID();
      db.prepare(
        `INSERT INTO pairing_requests 
           (id, code, role, name, ip, secret_hash, seal_public_key, seal_private_key, status, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      ).run(
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
      );
      // Old requests are of no use to anyone; keep the table small.
      db.prepare('DELETE FROM pairing_requests WHERE expires_at < ?').run(
        pairing.now - 24 * 60 * 60_000,
      );
      return id;
    },

    approve(id: string, deviceId: string, sealedToken: string): void {
      db.prepare(
        `UPDATE pairing_requests SET status = 'approved', device_id = ?, sealed_token = ? WHERE id = ?`,
      ).run(deviceId, sealedToken, id);
    },

    reject(id: string): void {
      db.prepare(`UPDATE pairing_requests SET status = 'rejected' WHERE id = ?`).run(id);
    },

    markDelivered(id: string): void {
      db.prepare(
        `UPDATE pairing_requests SET status = 'delivered', sealed_token = NULL, seal_private_key = '' WHERE id = ?`,
      ).run(id);
    },
  };
}

export type PairingStore = ReturnType<typeof createPairingStore>;
