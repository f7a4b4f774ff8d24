// What apps may import: the bridge's types and the pure policies. Electron stays in main.ts.
export type { AntreShellBridge, ShellKind, ShellPrintResult } from './bridge-contract';
export { SHELL_CHANNELS } from './bridge-contract';
export type { ShellConfig } from './config';
export { loadShellConfig, parseShellConfig, startUrl } from './config';
export { contentSecurityPolicy, isHubUrl } from './navigation-policy';
