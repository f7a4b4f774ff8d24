import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';

// The package layering of docs/architecture.md, checked by the lint rule that enforces it
// (eslint.config.js): part of `npm test`, so a layering break fails CI, not only `npm run lint`.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const layering = () =>
  new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });

const brokenBy = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await layering().lintText(code, { filePath: `${ROOT}${filePath}` });
  return (result?.messages ?? []).map((m) => m.message);
};

describe('the package layering', () => {
  it('when every source file is linted, then no import crosses a layer', async () => {
    const results = await layering().lintFiles(['apps', 'packages', 'scripts']);
    const breaks = results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath.slice(ROOT.length)}:${m.line} ${m.message}`),
    );
    expect(breaks).toEqual([]);
  });

  it.each([
    ['packages/domain/src/x.ts', "import { z } from 'zod';", 'imports nothing but immutable'],
    ['packages/protocol/src/x.ts', "import { t } from '@antre/ui';", 'only @antre/domain and zod'],
    ['packages/ui/src/x.ts', "import { h } from '@antre/hub';", 'never imports an app'],
    ['apps/counter/src/x.ts', "import { h } from '@antre/hub/testing';", 'over the wire'],
    ['apps/hub/src/a/x.ts', "import { k } from '../../../kiosk/src/main';", 'never imports an app'],
    ['apps/kiosk/src/x.ts', "import { d } from '../../../packages/domain/src/ids';", 'by its name'],
  ])('when %s has `%s`, then it is refused (%s)', async (file, code, words) => {
    expect((await brokenBy(file, code)).join(' ')).toContain(words);
  });

  it('when a test kit under testing/ starts a hub, then it is allowed', async () => {
    expect(
      await brokenBy('apps/counter/src/testing/x.ts', "import { h } from '@antre/hub/testing';"),
    ).toEqual([]);
  });
});
