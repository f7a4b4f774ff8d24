import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain .mjs script without types
import { bundleHubEntry } from '../build-hub.mjs';
// @ts-expect-error: a plain .mjs script without types
import { HUB_NODE_FLAGS } from '../hub-node-flags.mjs';

const bundle = bundleHubEntry as (
  entry: string,
  name: string,
  options: { force: boolean; quiet: boolean },
) => Promise<string>;

/**
 * The Node flags a tool forks the hub process with (`execArgv`), as `npm start` runs the hub:
 * without them fork() hands it the tool's own, tsx's loader among them (~35 MB more RSS).
 */
export const hubNodeFlags = HUB_NODE_FLAGS as string[];

/**
 * The load tools' hub process (hub-process.ts), bundled into plain JavaScript as `npm start`
 * bundles the hub, so a hub the tools restart starts as fast as a real one.
 */
export const hubProcessBundle = (): Promise<string> =>
  bundle(fileURLToPath(new URL('hub-process.ts', import.meta.url)), 'load-hub-process.mjs', {
    force: true,
    quiet: true,
  });
