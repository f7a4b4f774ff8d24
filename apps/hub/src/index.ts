export { startHub, HUB_VERSION } from './hub';
export { MIGRATIONS_DIR } from './paths';
export type { HubOptions, RunningHub } from './hub';
export { holdDisagreementsInDatabase } from './queue/hold-check';
