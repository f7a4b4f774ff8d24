import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseShellConfig } from './config';

const file = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

describe('shell files for installers', () => {
  it('the example config is a valid config', () => {
    expect(parseShellConfig(JSON.parse(file('antre-shell.example.json'))).ok).toBe(true);
  });

  it('electron-builder packs only the bundles, for Windows NSIS and Linux AppImage', () => {
    const yml = file('electron-builder.yml');
    expect(yml).toMatch(/- dist\/main\.cjs/);
    expect(yml).toMatch(/- dist\/preload\.cjs/);
    expect(yml).toMatch(/'!node_modules\/\*\*\/\*'/);
    expect(yml).toMatch(/target: nsis/);
    expect(yml).toMatch(/target: AppImage/);
    expect(JSON.parse(file('package.json')).main).toBe('dist/main.cjs');
  });
});
