export { startHub, HUB_VERSION } from './hub';
export { startClusterHub } from './cluster/cluster-hub';
export type { ClusterHub, ClusterHubOptions } from './cluster/cluster-hub';
export { MIGRATIONS_DIR } from './paths';
export type { HubOptions, RunningHub } from './hub';
export { holdDisagreementsInDatabase } from './queue/hold-check';
