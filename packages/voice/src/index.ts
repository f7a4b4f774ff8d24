export * from './number-reading';
export * from './letters';
export * from './vocabulary';
export * from './call-clips';
export * from './announcement-queue';
export * from './web-audio-player';
