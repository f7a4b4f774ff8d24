import { fieldError } from '@antre/protocol';
import type { PairingChanged, PairingStatus, PairingTicket } from '@antre/protocol';
import type { z } from 'zod';
import type { ApprovePairingBodySchema, RequestPairingBodySchema } from '@antre/protocol';
import type { Building } from '@antre/domain';
import type { AuditStore } from '../audit/audit-store';
import type { AuthStore } from '../auth/auth-store';
import type { Sql, SqlRunner } from '../db/sql';
import { HttpError } from '../http/routes';
import { formatPairingCode, newPairingCode, PAIRING_TTL_MS } from './pairing-codes';
import { checkDeviceNameFree } from './device-names';
import { checkDevicePlace } from './device-place';
import type { Actor } from './device-registry';
import type { PairingRow } from './pairing-store';
import { createPairingStore } from './pairing-store';
import {
  hashSecret,
  newSealKeys,
  newSecret,
  sealToken,
  secretMatches,
  unsealToken,
} from './token-seal';

type ApproveBody = z.output<typeof ApprovePairingBodySchema>;
type RequestBody = z.output<typeof RequestPairingBodySchema>;

/** The pairing story: a device asks → shows its code → the admin approves → the device collects its token. */
export function createDevicePairing(deps: {
  sql: Sql;
  auth: AuthStore;
  now: () => number;
  building: () => Building;
  audit: AuditStore;
  /** Told of every request made, approved, rejected or expired: the admins' list follows. */
  changed: (change: PairingChanged) => void;
}) {
  const { sql, auth, now } = deps;
  const store = createPairingStore(sql);
  const tell = (row: Pick<PairingRow, 'id' | 'code'>, change: PairingChanged['change']) =>
    deps.changed({ pairingId: row.id, code: formatPairingCode(row.code), change, at: now() });
  let expiredUpTo = now();

  const notWaiting = (code: string): HttpError =>
    new HttpError(
      404,
      'not_found',
      `No device is waiting with code ${formatPairingCode(code)}; check the code on its screen`,
      [fieldError('code', 'pairing_code_unknown')],
    );

  /** The live pending request for a typed code, or a refusal saying why there is none. */
  async function pendingByCode(code: string, tx: SqlRunner = sql): Promise<PairingRow> {
    const row = await store.latestByCode(code, tx);
    if (!row || row.status !== 'pending') throw notWaiting(code);
    if (row.expires_at <= now())
      throw new HttpError(
        409,
        'conflict',
        `Code ${formatPairingCode(code)} has expired; the device shows a new code — use that one`,
        [fieldError('code', 'pairing_code_expired')],
      );
    return row;
  }

  return {
    pending: () => store.pending(now()),

    async request(body: RequestBody, ip: string): Promise<PairingTicket> {
      const at = now();
      let code = newPairingCode();
      while (await store.codeInUse(code, at)) code = newPairingCode();
      const secret = newSecret();
      const expiresAt = at + PAIRING_TTL_MS;
      const pairingId = await store.insert({
        code,
        role: body.role,
        name: body.name ?? null,
        ip,
        secretHash: hashSecret(secret),
        keys: newSealKeys(secret),
        now: at,
        expiresAt,
      });
      tell({ id: pairingId, code }, 'requested');
      return { pairingId, code: formatPairingCode(code), expiresAt, secret };
    },

    async status(pairingId: string, secret: string): Promise<PairingStatus> {
      const row = await store.byId(pairingId);
      // A wrong secret looks like an unknown request: nothing to learn by guessing.
      if (!row || !secretMatches(secret, row.secret_hash))
        throw new HttpError(404, 'not_found', 'No such pairing request');
      const expiresAt = row.expires_at;
      if (row.status === 'approved' && row.sealed_token && row.device_id) {
        const token = unsealToken(row.sealed_token, row.seal_private_key, secret);
        // Two polls at once: the one that marks it delivered takes the token.
        if (await store.markDelivered(row.id))
          return { status: 'approved', expiresAt, token, deviceId: row.device_id };
        return { status: 'approved', expiresAt };
      }
      if (row.status === 'delivered') return { status: 'approved', expiresAt };
      if (row.status === 'rejected') return { status: 'rejected', expiresAt };
      return { status: expiresAt <= now() ? 'expired' : 'pending', expiresAt };
    },

    async approve(
      body: ApproveBody,
      actor: Actor,
    ): Promise<{ deviceId: string; pairingId: string }> {
      checkDevicePlace(body.role, body, deps.building());
      const approved = await sql.transaction(async (tx) => {
        const row = await pendingByCode(body.code, tx);
        if (row.role !== body.role)
          throw new HttpError(
            409,
            'conflict',
            `This device opened the ${row.role} app; pair it as a ${row.role}`,
            [fieldError('role', 'device_app', { variant: row.role })],
          );
        await checkDeviceNameFree(tx, body.name);
        const { id, token } = await auth.createDevice(
          {
            name: body.name,
            role: body.role,
            zoneIds: body.zoneIds,
            agencyIds: body.agencyIds,
            settings: body.settings,
          },
          now(),
          tx,
        );
        // Rejected meanwhile: the device made above is rolled back with this refusal.
        if (!(await store.approve(tx, row.id, id, sealToken(token, row.seal_public_key))))
          throw notWaiting(body.code);
        await deps.audit.record(
          tx,
          actor.principal,
          actor.request,
          {
            action: 'device.approve',
            target: id,
            detail: { ...body, code: formatPairingCode(body.code) },
          },
          now(),
        );
        return { deviceId: id, pairingId: row.id, code: row.code };
      });
      tell({ id: approved.pairingId, code: approved.code }, 'approved');
      return { deviceId: approved.deviceId, pairingId: approved.pairingId };
    },

    async reject(code: string): Promise<{ pairingId: string }> {
      const row = await pendingByCode(code);
      if (!(await store.reject(row.id))) throw notWaiting(code);
      tell(row, 'rejected');
      return { pairingId: row.id };
    },

    /** On the hub's tick: says `expired` once for each code whose time ran out since the last. */
    async announceExpired(): Promise<void> {
      const from = expiredUpTo;
      const to = now();
      if (to <= from) return;
      // Moved on before the read: a tick that overlaps this one looks at a later stretch.
      expiredUpTo = to;
      for (const row of await store.expiredBetween(from, to)) tell(row, 'expired');
    },
  };
}

export type DevicePairing = ReturnType<typeof createDevicePairing>;
