export * from './building-schemas';
export * from './result';
export * from './views';
export * from './commands';
export * from './events';
export * from './rest';
export * from './validation';
