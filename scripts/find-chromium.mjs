// The browser tests drive a Chromium the machine has; they never download one.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { installWithApt } from './apt-install.mjs';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function usualPlaces() {
  if (process.platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ];
  }
  if (process.platform === 'win32') {
    const roots = [
      process.env.PROGRAMFILES,
      process.env['PROGRAMFILES(X86)'],
      process.env.LOCALAPPDATA,
    ];
    return roots
      .filter(Boolean)
      .flatMap((root) => [
        join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        join(root, 'Chromium', 'Application', 'chrome.exe'),
      ]);
  }
  return ['/usr/bin', '/usr/local/bin', '/snap/bin', '/opt/google/chrome'].flatMap((dir) =>
    NAMES.map((name) => join(dir, name)),
  );
}

function onPath() {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe'] : [''];
  return dirs.flatMap((dir) => NAMES.flatMap((name) => exts.map((ext) => join(dir, name + ext))));
}

/** The first Chromium or Chrome found: CHROMIUM_PATH, then PATH, then the usual folders. */
export function findChromium() {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : null;
  return [...onPath(), ...usualPlaces()].find((path) => existsSync(path)) ?? null;
}

/** A Chromium's path, installing one where that is safe, or a clear stop saying what to do. */
export function ensureChromium() {
  const asked = process.env.CHROMIUM_PATH;
  // A path the user chose is not second-guessed by an install.
  const found =
    findChromium() ?? (!asked && installWithApt('chromium', 'Chromium') ? findChromium() : null);
  if (found) return found;
  console.error(
    [
      asked
        ? `CHROMIUM_PATH is set to ${asked}, but there is no file there.`
        : 'The browser tests need Chromium or Google Chrome, and none was found.',
      'Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: install Google Chrome;',
      'Windows: install Google Chrome), or point CHROMIUM_PATH at its executable, then run npm test again.',
    ].join('\n'),
  );
  process.exit(1);
}
