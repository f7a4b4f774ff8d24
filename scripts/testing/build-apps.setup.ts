// Vitest global setup: browser tests drive the built apps the hub serves, so build them first,
// in Vite's `test` mode: only that build carries the hooks the tests read (window.__antre…).
export default async function setup(): Promise<void> {
  // @ts-expect-error: a plain .mjs script without types
  const { buildApps } = (await import('../build-apps.mjs')) as {
    buildApps: (o: { quiet: boolean; mode: 'test' }) => void;
  };
  buildApps({ quiet: true, mode: 'test' });
}
