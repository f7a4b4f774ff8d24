import type { HubClient } from '@antre/client';
import type { ServiceStats } from '@antre/protocol';
import { CatalogueSchema } from '@antre/protocol';
import { callHub } from '@antre/ui';

/**
 * People waiting per agency, from the public catalogue (`/api/services`) and then the
 * `catalogue:stats` the hub sends the board's zones as their agencies' queues change. Loaded
 * again after every snapshot (a reconnect, a new day), when counts may have been missed.
 */
export function watchWaiting(
  hubUrl: string,
  client: HubClient,
  onChange: (waitingByAgency: ReadonlyMap<string, number>) => void,
): () => void {
  const services = new Map<string, { agencyId: string; waiting: number }>();
  // Counts the hub sent while the catalogue was being fetched: its answer may predate them.
  const sentDuringLoad = new Map<string, number>();
  let stopped = false;
  const report = (): void => {
    const byAgency = new Map<string, number>();
    for (const s of services.values())
      byAgency.set(s.agencyId, (byAgency.get(s.agencyId) ?? 0) + s.waiting);
    onChange(byAgency);
  };
  const load = async (): Promise<void> => {
    sentDuringLoad.clear();
    // Offline: the counts stay as they were until the next snapshot brings the board back.
    const answer = await callHub('GET /api/services', { hub: hubUrl });
    const catalogue = answer.ok ? CatalogueSchema.safeParse(answer.value).data : undefined;
    if (!catalogue || stopped) return;
    services.clear();
    for (const agency of catalogue.agencies)
      for (const s of agency.services)
        services.set(s.serviceId, {
          agencyId: agency.id,
          waiting: sentDuringLoad.get(s.serviceId) ?? s.waiting,
        });
    report();
  };
  const stats = (list: ServiceStats[]): void => {
    let changed = false;
    for (const s of list) {
      sentDuringLoad.set(s.serviceId, s.waiting);
      const known = services.get(s.serviceId);
      if (known && known.waiting !== s.waiting) {
        known.waiting = s.waiting;
        changed = true;
      }
    }
    if (changed) report();
  };
  const snapshot = (): void => void load();
  const unlisten = [client.on('catalogue:stats', stats), client.on('sync:snapshot', snapshot)];
  void load();
  return () => {
    stopped = true;
    unlisten.forEach((off) => off());
  };
}
