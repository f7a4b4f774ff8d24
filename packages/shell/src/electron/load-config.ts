import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog } from 'electron';
import type { ShellConfig } from '../config';
import { loadShellConfig } from '../config';

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** The config from `--config`, ANTRE_SHELL_CONFIG or <userData>/antre-shell.json, plus flags. */
export function setupConfig(): ShellConfig {
  const defaultPath =
    process.env.ANTRE_SHELL_CONFIG ?? join(app.getPath('userData'), 'antre-shell.json');
  const loaded = loadShellConfig(process.argv.slice(1), readText, defaultPath);
  if (loaded.ok) return loaded.value;
  // Without a valid hub address there is nothing safe to show: say why and stop.
  dialog.showErrorBox(
    'Antre',
    `Konfigurasi tidak valid / invalid configuration:\n${loaded.error}\n(${defaultPath})`,
  );
  app.exit(1);
  throw new Error(loaded.error);
}
