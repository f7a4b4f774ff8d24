// The Node flags the hub runs with: `npm start` (start.mjs) passes them, and so must every
// tool that starts a hub process to measure it (bench:load, trials:crash), or it measures
// another hub. They only size V8's heap; no behaviour depends on them.
//
// Under bench:load (270 clients, issue 20) the hub's live heap after a full GC is ~40 MB, yet
// with V8's defaults its RSS reached 170–230 MB, the rest of the heap being:
// - the young generation, two 16 MB semi-spaces (32 MB), which every command's allocations
//   fill. With 4 MB ones (8 MB in all) scavenges come 4× as often, each as short (longest
//   pause ~10 ms either way), for ~2 % more CPU under load.
// - old-space garbage: after a full GC V8 lets the old generation grow to up to 4× what
//   survived before the next one (seen: a 205 MB limit after 54 MB survived), a factor it
//   bases on the machine's RAM, not on the hub's needs. 30 % keeps it within ~1.3× the live
//   heap; under load a full GC then comes every ~10 s, its pause ~10 ms.
// The heap's maximum stays V8's: a hub that needs more memory still gets it.
export const HUB_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=30'];
