export * from './i18n';
export * from './format';
export * from './use-hub';
