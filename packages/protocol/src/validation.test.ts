import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldError, rule } from './field-rules';
import { WeeklyHoursSchema } from './hours-schemas';
import { parseInput } from './validation';

const fieldsOf = (schema: z.ZodType, input: unknown) => {
  const result = parseInput(schema, input);
  return result.ok ? [] : (result.error.fields ?? []);
};

/** The rule and values of the one bad field `x`; a field left out is sent without `x`. */
const ruleOfX = (schema: z.ZodType, input: unknown) => {
  const [field] = fieldsOf(z.strictObject({ x: schema }), input === undefined ? {} : { x: input });
  return field && { rule: field.rule, values: field.values };
};

describe("zod's own issues as field rules", () => {
  it.each([
    ['an empty text', { rule: 'required' }, z.string().min(1), ''],
    ['a text left out', { rule: 'required' }, z.string(), undefined],
    ['a text too short', { rule: 'too_short', values: { min: 3 } }, z.string().min(3), 'ab'],
    ['a text too long', { rule: 'too_long', values: { max: 5 } }, z.string().max(5), 'abcdef'],
    ['a number too small', { rule: 'too_small', values: { min: 1 } }, z.number().min(1), 0],
    ['a whole number too big', { rule: 'too_big', values: { max: 50 } }, z.int().max(50), 51],
    ['a list too short', { rule: 'too_few', values: { min: 1 } }, z.array(z.int()).min(1), []],
    [
      'a list too long',
      { rule: 'too_many', values: { max: 2 } },
      z.array(z.int()).max(2),
      [1, 2, 3],
    ],
    ['a text for a number', { rule: 'not_a_number' }, z.number(), 'seven'],
    ['a fraction for a whole number', { rule: 'whole_number' }, z.int(), 1.5],
    ['a list for an object', { rule: 'invalid' }, z.object({}), []],
    ['a choice not offered', { rule: 'invalid_option' }, z.enum(['WIB', 'WITA']), 'UTC'],
    ['another value than the one', { rule: 'invalid' }, z.literal('antre-building'), 'x'],
    ['a date that is none', { rule: 'date' }, z.iso.date(), '2026-13-01'],
    ['a time that is none', { rule: 'date_time' }, z.iso.datetime({ offset: true }), 'noon'],
    ['a refinement without a rule', { rule: 'invalid' }, z.string().refine(() => false), 'a'],
  ])('when a field holds %s, then it breaks %o', (_, expected, schema, input) => {
    expect(ruleOfX(schema, input)).toEqual({ values: undefined, ...expected });
  });

  it('when an object has keys it does not know, then they are named', () => {
    expect(fieldsOf(z.strictObject({}), { a: 1, b: 2 })).toEqual([
      {
        path: '(root)',
        rule: 'unknown_keys',
        values: { names: '"a", "b"' },
        message: 'Unrecognized keys: "a", "b"',
      },
    ]);
  });
});

describe("a schema's own rules", () => {
  it('when a check names its rule, then the field carries the rule, its values and its English', () => {
    const schema = z.strictObject({
      id: z.string().regex(/^[a-z]+$/, rule('slug')),
      text: z.string().refine(() => false, rule('unknown_placeholders', { names: '{{x}}' })),
    });
    expect(fieldsOf(schema, { id: 'A B', text: '' })).toEqual([
      { path: 'id', rule: 'slug', message: 'lowercase letters, digits and dashes' },
      {
        path: 'text',
        rule: 'unknown_placeholders',
        values: { names: '{{x}}' },
        message: 'unknown placeholders: {{x}}',
      },
    ]);
  });

  it('when opening hours break their rules, then each field names its rule and the summary is English', () => {
    const result = parseInput(WeeklyHoursSchema, {
      mon: { open: '07:30', close: '24:00' },
      tue: { open: '16:00', close: '07:30' },
    });
    expect(result.ok ? [] : result.error.fields).toEqual([
      fieldError('mon.close', 'clock_time'),
      fieldError('tue', 'closes_before_opens'),
    ]);
    expect(result.ok ? '' : result.error.message).toBe(
      'Invalid input: mon.close: a time like 07:30; tue: closes before it opens',
    );
  });

  it('when a route builds a field by hand, then it has the same shape', () => {
    expect(fieldError('role', 'device_app', { variant: 'kiosk' })).toEqual({
      path: 'role',
      rule: 'device_app',
      values: { variant: 'kiosk' },
      message: 'the device opened the kiosk app',
    });
  });
});
