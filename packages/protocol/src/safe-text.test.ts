import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AgencySchema, ServiceStandardSchema, SiteSchema } from './building-schemas';
import { CommandSchemas } from './commands';
import { CreateUserBodySchema } from './admin';
import { DisplaySettingsInputSchema } from './device-settings';
import { CreateDeviceBodySchema } from './rest';
import { safeLine, safeText } from './safe-text';
import { parseInput } from './validation';
import { FeedbackBodySchema } from './survey';
import { SaveTicketTemplateBodySchema } from './ticket-template';

const refusal = (schema: z.ZodType, input: unknown) => {
  const result = parseInput(schema, input);
  return result.ok ? null : result.error.fields?.map((f) => f.rule);
};

describe('stored text', () => {
  it.each([
    ['NUL', 'Loket\u0000 1'],
    ['ESC (a printer command)', 'Loket \u001b@1'],
    ['GS (a printer command)', '\u001dV\u0000Loket'],
    ['DEL', 'Loket\u007f'],
    ['a C1 control', 'Loket\u009b1'],
    ['a right-to-left override', 'Loket \u202eemaN'],
    ['a left-to-right embedding', '\u202aLoket'],
    ['a directional isolate', 'Loket \u2067x\u2069'],
    ['a right-to-left mark', 'Loket\u200f'],
    ['a line break in a name', 'Loket\n1'],
    ['a tab in a name', 'Loket\t1'],
  ])('when a name holds %s, then it is refused with the translatable message', (_, name) => {
    expect(refusal(safeLine(), name)).toEqual(['unsafe_text']);
  });

  it('when a name is ordinary Indonesian text, then it is kept (trimmed)', () => {
    expect(safeLine().parse('  Dinas Kependudukan & Pencatatan Sipil — Loket «1»  ')).toBe(
      'Dinas Kependudukan & Pencatatan Sipil — Loket «1»',
    );
  });

  it('when a multi-line text holds line breaks and tabs, then it is kept, but not other controls', () => {
    expect(safeText().parse('Baris 1\n\tBaris 2')).toBe('Baris 1\n\tBaris 2');
    expect(refusal(safeText(), 'Baris\r\n2')).toEqual(['unsafe_text']);
    expect(refusal(safeText(), 'Baris \u202e2')).toEqual(['unsafe_text']);
  });

  it('when any stored name or text holds a hostile character, then its schema refuses it at its path', () => {
    const bad = 'x\u202ey\u0000';
    type Case = [
      string,
      { safeParse: (v: unknown) => { success: boolean } },
      (t: string) => unknown,
    ];
    const cases: Case[] = [
      ['agency', AgencySchema, (t) => ({ id: 'a', name: t, shortName: 'A' })],
      ['agency contact', AgencySchema, (t) => ({ id: 'a', name: 'A', shortName: 'A', contact: t })],
      ['service standard', ServiceStandardSchema, (t) => standard({ cost: t })],
      ['user', CreateUserBodySchema, (t) => ({ username: 'budi', displayName: t, role: 'admin' })],
      ['device', CreateDeviceBodySchema, (t) => ({ name: t, role: 'display' })],
      ['running text', DisplaySettingsInputSchema, (t) => ({ runningText: t })],
      ['feedback', FeedbackBodySchema, (t) => ({ agencyId: 'a', kind: 'complaint', message: t })],
      ['template', SaveTicketTemplateBodySchema, (t) => ({ template: t })],
      ['pause reason', CommandSchemas['counter:pause'], pause],
      ['transfer note', CommandSchemas['counter:transfer'], transfer],
    ];
    for (const [what, schema, withText] of cases) {
      expect({ what, ok: schema.safeParse(withText('Teks biasa')).success }).toEqual({
        what,
        ok: true,
      });
      expect({ what, ok: schema.safeParse(withText(bad)).success }).toEqual({ what, ok: false });
    }
    const site = parseInput(SiteSchema, { name: bad });
    expect(site.ok ? [] : site.error.fields).toContainEqual(
      expect.objectContaining({ path: 'name', rule: 'unsafe_text' }),
    );
  });
});

function standard(over: Record<string, string>) {
  const base = { duration: 'd', cost: 'c', product: 'p', complaints: 'k' };
  return { requirements: [], procedure: [], ...base, ...over };
}
const pause = (reason: string) => ({ commandId: 'abcdefgh', counterId: 'c', reason });
const transfer = (note: string) => ({
  commandId: 'abcdefgh',
  counterId: 'c',
  toServiceId: 's',
  note,
});
