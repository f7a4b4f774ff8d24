// For the apps' tests: a real hub on port 0 and a real Chromium. Never used at run time.
export * from './test-hub';
export * from './browser';
export * from './survey-answers';
export * from '../notifications/testing/fake-provider';
export * from './pg-cluster';
export * from './region-buildings';
