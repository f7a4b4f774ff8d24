// Test fixtures of the domain, for the domain's own tests and for apps' and the hub's tests.
export * from './test-booking';
export * from './test-building';
export * from './test-queue';
export * from './test-ticket';
