// Vitest global setup: browser tests drive the built apps the hub serves, so build them first.
export default async function setup(): Promise<void> {
  // @ts-expect-error: a plain .mjs script without types
  const { buildApps } = (await import('../build-apps.mjs')) as {
    buildApps: (o: { quiet: boolean }) => void;
  };
  buildApps({ quiet: true });
}
