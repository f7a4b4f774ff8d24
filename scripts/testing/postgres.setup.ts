// Vitest global setup of the "hub on PostgreSQL" project (vitest.config.ts): one PostgreSQL
// server for the run, made in a temporary folder like every test's own (pg-cluster.ts); each
// test hub makes a database of its own on it (apps/hub/src/testing/test-hub.ts).
import type { TestProject } from 'vitest/node';
import { startPgCluster } from '../../apps/hub/src/testing/pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    antrePgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPgCluster();
  project.provide('antrePgUrl', cluster.url);
  return () => cluster.stop();
}
