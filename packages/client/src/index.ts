export * from './synced-state';
export * from './hub-client';
