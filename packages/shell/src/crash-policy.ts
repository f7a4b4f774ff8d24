export interface CrashPolicyOptions {
  /** wait before reloading, so a crash loop does not spin the CPU */
  reloadDelayMs: number;
  /** give up after this many crashes within `windowMs` */
  maxCrashes: number;
  windowMs: number;
}

export type CrashDecision =
  { action: 'reload'; delayMs: number } | { action: 'give_up'; crashes: number };

export const DEFAULT_CRASH_POLICY: CrashPolicyOptions = {
  reloadDelayMs: 2_000,
  maxCrashes: 5,
  windowMs: 10 * 60_000,
};

/**
 * Decides what to do when a renderer dies: reload after a short delay, growing with each
 * recent crash, and stop once it keeps crashing (the shell then shows an error page
 * instead of flashing a broken kiosk forever). Time is passed in.
 */
export function createCrashPolicy(options: CrashPolicyOptions = DEFAULT_CRASH_POLICY) {
  let crashes: number[] = [];
  return {
    onCrash(now: number): CrashDecision {
      crashes = [...crashes.filter((at) => now - at < options.windowMs), now];
      if (crashes.length > options.maxCrashes)
        return { action: 'give_up', crashes: crashes.length };
      return { action: 'reload', delayMs: options.reloadDelayMs * crashes.length };
    },
  };
}
