export * from './SkmForm';
export * from './skm-words';
export * from './use-skm-answers';
