import type { ServiceToday } from '@antre/domain';
import { callHub } from '@antre/ui';
import { useEffect, useState } from 'react';

/** What the transfer dialog shows of a target: open or why not, and who waits there. */
export interface TargetStats {
  today: ServiceToday;
  waiting: number;
  estimatedMinutes: number;
}

/**
 * Every service's state now, from the public catalogue the kiosks read, fetched when the
 * dialog opens: an officer's feed carries only their own agency's counters and queues.
 */
export function useServiceStats(): Map<string, TargetStats> | null {
  const [stats, setStats] = useState<Map<string, TargetStats> | null>(null);
  useEffect(() => {
    let live = true;
    void callHub('GET /api/services').then((result) => {
      if (!live || !result.ok) return;
      const services = result.value.agencies.flatMap((a) => a.services);
      setStats(
        new Map(
          services.map((s) => [
            s.id,
            { today: s.today, waiting: s.waiting, estimatedMinutes: s.estimatedMinutes },
          ]),
        ),
      );
    });
    return () => {
      live = false;
    };
  }, []);
  return stats;
}
