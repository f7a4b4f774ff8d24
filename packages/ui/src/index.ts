export * from './i18n';
export * from './format';
export * from './hub-request';
export * from './use-hub';
export * from './use-pairing';
export * from './SignInScreen';
export * from './skm';
export * from './alarm-words';
