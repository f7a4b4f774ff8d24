import { isBuildingKey } from '../db/pg/pg-database';

/** One building a cluster process serves, and the port its hub answers on. */
export interface BuildingPort {
  building: string;
  port: number;
}

/**
 * `--building` as given (repeated, or comma-separated, or both): `mpp-bogor=8080,mpp-cibinong=8081`.
 * A key without `=port` is served on `defaultPort` (`--port`), so `--building mpp-bogor --port
 * 8080` reads as before. Throws, naming the entry, on a bad key or port, a building given
 * twice, or two buildings on one port; port 0 (any free port, for tests) may repeat.
 */
export function parseBuildingOption(
  values: readonly string[],
  defaultPort: number,
): BuildingPort[] {
  const entries = values.flatMap((value) => value.split(',')).map((entry) => entry.trim());
  if (entries.length === 0 || entries.every((entry) => entry === ''))
    throw new Error('--building needs a building key, e.g. mpp-kota-bogor or mpp-bogor=8080');
  const parsed: BuildingPort[] = [];
  const onDefaultPort = new Set<string>();
  for (const entry of entries) {
    if (entry === '') throw new Error(`--building has an empty entry: "${values.join(',')}"`);
    const [building = '', port, ...rest] = entry.split('=');
    if (!isBuildingKey(building))
      throw new Error(
        `--building: "${building}" is not a building key (lowercase letters, digits and dashes, starting with a letter)`,
      );
    if (rest.length > 0 || (port !== undefined && !/^\d{1,5}$/.test(port)) || Number(port) > 65535)
      throw new Error(`--building: "${entry}" is not <key>=<port> with a port number`);
    const taken = parsed.find((other) => other.building === building);
    if (taken) throw new Error(`--building: ${building} is given twice`);
    const next = { building, port: port === undefined ? defaultPort : Number(port) };
    if (port === undefined) onDefaultPort.add(building);
    const sharing = parsed.find((other) => other.port === next.port && next.port !== 0);
    if (sharing)
      throw new Error(
        `--building: ${sharing.building} and ${building} are both on port ${next.port}` +
          (onDefaultPort.has(building) || onDefaultPort.has(sharing.building)
            ? ' (a key without =port is on --port)'
            : ''),
      );
    parsed.push(next);
  }
  return parsed;
}
