import { fieldError } from '@antre/protocol';
import type { SqlRunner } from '../db/sql';
import { HttpError } from '../http/routes';

/**
 * Refuses a name another device in use already has, so two kiosks are never both
 * "Kios Lantai 2" in the device list or the audit log. A revoked device's name is free again;
 * `exceptId` is the device being renamed. Case and outer spaces do not make a name new. Run
 * it in the transaction that saves the name.
 */
export async function checkDeviceNameFree(
  tx: SqlRunner,
  name: string | undefined,
  exceptId?: string,
): Promise<void> {
  if (name === undefined) return;
  const taken = await tx.get<{ id: string }>(
    `SELECT id FROM devices WHERE revoked_at IS NULL AND id != ?
       AND lower(trim(name)) = lower(trim(?)) LIMIT 1`,
    [exceptId ?? '', name],
  );
  if (taken) {
    const field = fieldError('name', 'device_name_used');
    throw new HttpError(400, 'bad_request', `Invalid input: name: ${field.message}`, [field]);
  }
}
