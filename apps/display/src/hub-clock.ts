import type { SyncedState } from '@antre/client';

/**
 * The hub's time as this board estimates it, by the newest reading: each snapshot carries the
 * hub's clock, and so does the board's setup, loaded again every few minutes.
 */
export function createHubClock(initialOffsetMs: number) {
  let offset = initialOffsetMs;
  let snapshotOffset: number | null = null;
  return {
    now: (): number => Date.now() + offset,
    set offsetMs(value: number) {
      offset = value;
    },
    /** Takes the reading a snapshot brought, once per snapshot (deltas keep the same one). */
    follow(state: SyncedState): void {
      if (state.clockOffsetMs === null || state.clockOffsetMs === snapshotOffset) return;
      snapshotOffset = offset = state.clockOffsetMs;
    },
  };
}
export type HubClock = ReturnType<typeof createHubClock>;
