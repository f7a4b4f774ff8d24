import { fieldError } from '@antre/protocol';
import type { PairingChanged, PairingStatus, PairingTicket } from '@antre/protocol';
import type { z } from 'zod';
import type { ApprovePairingBodySchema, RequestPairingBodySchema } from '@antre/protocol';
import type { Building } from '@antre/domain';
import { syncRunner } from '../db/sql';
import type { AuditStore } from '../audit/audit-store';
import type { AuthStore } from '../auth/auth-store';
import type { Db } from '../db/database';
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
  db: Db;
  auth: AuthStore;
  now: () => number;
  building: () => Building;
  audit: AuditStore;
  /** Told of every request made, approved, rejected or expired: the admins' list follows. */
  changed: (change: PairingChanged) => void;
}) {
  const { db, auth, now } = deps;
  const store = createPairingStore(db);
  const tell = (row: Pick<PairingRow, 'id' | 'code'>, change: PairingChanged['change']) =>
    deps.changed({ pairingId: row.id, code: formatPairingCode(row.code), change, at: now() });
  let expiredUpTo = now();

  /** The live pending request for a typed code, or a refusal saying why there is none. */
  function pendingByCode(code: string): PairingRow {
    const shown = formatPairingCode(code);
    const row = store.latestByCode(code);
    if (!row || row.status !== 'pending')
      throw new HttpError(
        404,
        'not_found',
        `No device is waiting with code ${shown}; check the code on its screen`,
        [fieldError('code', 'pairing_code_unknown')],
      );
    if (row.expires_at <= now())
      throw new HttpError(
        409,
        'conflict',
        `Code ${shown} has expired; the device shows a new code — use that one`,
        [fieldError('code', 'pairing_code_expired')],
      );
    return row;
  }

  return {
    pending: () => store.pending(now()),

    request(body: RequestBody, ip: string): PairingTicket {
      const at = now();
      let code = newPairingCode();
      while (store.codeInUse(code, at)) code = newPairingCode();
      const secret = newSecret();
      const expiresAt = at + PAIRING_TTL_MS;
      const pairingId = store.insert({
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

    status(pairingId: string, secret: string): PairingStatus {
      const row = store.byId(pairingId);
      // A wrong secret looks like an unknown request: nothing to learn by guessing.
      if (!row || !secretMatches(secret, row.secret_hash))
        throw new HttpError(404, 'not_found', 'No such pairing request');
      const expiresAt = row.expires_at;
      if (row.status === 'approved' && row.sealed_token && row.device_id) {
        const token = unsealToken(row.sealed_token, row.seal_private_key, secret);
        store.markDelivered(row.id);
        return { status: 'approved', expiresAt, token, deviceId: row.device_id };
      }
      if (row.status === 'delivered') return { status: 'approved', expiresAt };
      if (row.status === 'rejected') return { status: 'rejected', expiresAt };
      return { status: expiresAt <= now() ? 'expired' : 'pending', expiresAt };
    },

    approve(body: ApproveBody, actor: Actor): { deviceId: string; pairingId: string } {
      checkDevicePlace(body.role, body, deps.building());
      const approved = db.transaction(() => {
        const row = pendingByCode(body.code);
        if (row.role !== body.role)
          throw new HttpError(
            409,
            'conflict',
            `This device opened the ${row.role} app; pair it as a ${row.role}`,
            [fieldError('role', 'device_app', { variant: row.role })],
          );
        checkDeviceNameFree(db, body.name);
        const { id, token } = auth.createDevice(
          {
            name: body.name,
            role: body.role,
            zoneIds: body.zoneIds,
            agencyIds: body.agencyIds,
            settings: body.settings,
          },
          now(),
        );
        store.approve(row.id, id, sealToken(token, row.seal_public_key));
        deps.audit.record(
          syncRunner(deps.db),
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
      })();
      tell({ id: approved.pairingId, code: approved.code }, 'approved');
      return { deviceId: approved.deviceId, pairingId: approved.pairingId };
    },

    reject(code: string): { pairingId: string } {
      const row = pendingByCode(code);
      store.reject(row.id);
      tell(row, 'rejected');
      return { pairingId: row.id };
    },

    /** On the hub's tick: says `expired` once for each code whose time ran out since the last. */
    announceExpired(): void {
      const to = now();
      if (to <= expiredUpTo) return;
      for (const row of store.expiredBetween(expiredUpTo, to)) tell(row, 'expired');
      expiredUpTo = to;
    },
  };
}

export type DevicePairing = ReturnType<typeof createDevicePairing>;
