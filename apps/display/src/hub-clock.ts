/** The hub's time as this board estimates it; re-measured at every (re)connection. */
export function createHubClock(initialOffsetMs: number) {
  let offset = initialOffsetMs;
  return {
    now: (): number => Date.now() + offset,
    set offsetMs(value: number) {
      offset = value;
    },
  };
}
export type HubClock = ReturnType<typeof createHubClock>;
