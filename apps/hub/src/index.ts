export { startHub, HUB_VERSION, MIGRATIONS_DIR } from './hub';
export type { HubOptions, RunningHub } from './hub';
export { holdDisagreementsInDatabase } from './queue/hold-check';
