import type { FieldError, FieldRule, FieldValues } from '@antre/protocol';
import {
  CreateUserBodySchema,
  FIELD_RULE_TEXTS,
  FIELD_RULE_VARIANTS,
  FIELD_RULES,
  fieldError,
  parseInput,
} from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { fieldMessage, knownFieldMessage } from './field-messages';
import { MESSAGES } from './messages';

const broken = (rule: FieldRule, values?: FieldValues): FieldError => ({
  path: 'x',
  rule,
  ...(values ? { values } : {}),
  message: 'in English',
});

const variantsOf = (rule: FieldRule): readonly string[] | undefined =>
  (FIELD_RULE_VARIANTS as Partial<Record<FieldRule, readonly string[]>>)[rule];

describe('field rules from the hub', () => {
  it.each(FIELD_RULE_TEXTS)('%s has words in Indonesian and English', (key) => {
    expect(MESSAGES.id[key]).toBeTruthy();
    expect(MESSAGES.en[key]).toBeTruthy();
    expect(MESSAGES.en[key]).not.toBe(MESSAGES.id[key]);
  });

  it('when the hub names a rule, then every rule it can name is known, with values filled in', () => {
    const values = { min: 3, max: 9, names: '"a"', name: 'x' };
    for (const rule of FIELD_RULES) {
      const variants: readonly (string | undefined)[] = variantsOf(rule) ?? [undefined];
      for (const variant of variants) {
        const text = knownFieldMessage(
          broken(rule, { ...values, ...(variant && { variant }) }),
          'id',
        );
        expect({ rule, variant, text }).toEqual({ rule, variant, text: expect.any(String) });
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it.each([
    [broken('required'), 'Wajib diisi.', 'Required.'],
    [broken('too_long', { max: 120 }), 'Maksimal 120 karakter.', 'At most 120 characters.'],
    [broken('too_small', { min: 1 }), 'Paling kecil 1.', 'At least 1.'],
    [broken('too_few', { min: 1 }), 'Pilih paling sedikit 1.', 'Choose at least 1.'],
    [
      broken('prefix_letters'),
      'Satu atau dua huruf kapital, mis. A atau AB.',
      'One or two capital letters, e.g. A or AB.',
    ],
    [
      broken('unknown_keys', { names: '"a", "b"' }),
      'Isian tidak dikenal: "a", "b".',
      'Unknown field: "a", "b".',
    ],
    [
      fieldError('template', 'unknown_placeholders', { names: '{{a}}, {{b}}' }),
      'Isian tidak dikenal: {{a}}, {{b}}. Pilih dari daftar isian.',
      'Unknown placeholders: {{a}}, {{b}}. Choose from the list.',
    ],
    [
      fieldError('role', 'device_app', { variant: 'display' }),
      'Perangkat ini membuka aplikasi layar; setujui sebagai Layar.',
      'This device opened the display app; approve it as a Display.',
    ],
    [
      fieldError('password', 'weak_password', { variant: 'repeats' }),
      'Kata sandi terlalu lemah: berisi huruf yang diulang-ulang.',
      'The password is too weak: it repeats letters.',
    ],
    [
      { rule: 'something_new', message: 'something the hub may say one day' },
      'something the hub may say one day',
      'something the hub may say one day',
    ],
  ])('%o reads "%s" in Indonesian and "%s" in English', (field, id, en) => {
    expect(fieldMessage(field, 'id')).toBe(id);
    expect(fieldMessage(field, 'en')).toBe(en);
  });

  it("when a schema refuses a text, then the form shows the rule's words, not zod's English", () => {
    const person = { username: 'budi', displayName: 'Budi', role: 'officer', agencyId: 'a' };
    const refused = parseInput(CreateUserBodySchema, { ...person, password: 'short' });
    const field = refused.ok ? undefined : refused.error.fields?.[0];
    expect(field && fieldMessage(field, 'id')).toBe('Minimal 10 karakter.');
  });
});
