import type { z } from 'zod';
import type { FieldError, FieldRule, FieldValues } from './field-rules';
import { ruleIn } from './field-rules';
import type { Result } from './result';
import { errResult, okResult } from './result';

type Issue = z.core.$ZodIssue;
type Named = { rule: FieldRule; values?: FieldValues };

const NUMBERS = new Set(['number', 'int', 'bigint']);

/** zod's own issue as a rule with its values; a schema's `rule(...)` message wins over this. */
function ruleOfIssue(issue: Issue): Named {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? { rule: 'required' } : { rule: 'too_short', values: { min } };
      if (NUMBERS.has(issue.origin)) return { rule: 'too_small', values: { min } };
      if (issue.origin === 'array') return { rule: 'too_few', values: { min } };
      return { rule: 'invalid' };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { rule: 'too_long', values: { max } };
      if (NUMBERS.has(issue.origin)) return { rule: 'too_big', values: { max } };
      if (issue.origin === 'array') return { rule: 'too_many', values: { max } };
      return { rule: 'invalid' };
    }
    case 'invalid_type':
      if (issue.expected === 'int') return { rule: 'whole_number' };
      if (issue.expected === 'number') return { rule: 'not_a_number' };
      // A text left out, or sent as something else, is a text not given.
      if (issue.expected === 'string') return { rule: 'required' };
      return { rule: 'invalid' };
    case 'invalid_value':
      // An enum's ("one of …"); a literal's single value is just a wrong value.
      return { rule: issue.values.length > 1 ? 'invalid_option' : 'invalid' };
    case 'unrecognized_keys':
      return {
        rule: 'unknown_keys',
        values: { names: issue.keys.map((k) => `"${k}"`).join(', ') },
      };
    case 'invalid_format':
      if (issue.format === 'date') return { rule: 'date' };
      if (issue.format === 'datetime') return { rule: 'date_time' };
      return { rule: 'invalid' };
    default:
      return { rule: 'invalid' };
  }
}

/** One bad field: the rule a schema named in its message, or the one zod's issue stands for. */
export function fieldErrorOf(issue: Issue): FieldError {
  const path = issue.path.map(String).join('.') || '(root)';
  const named = ruleIn(issue.message);
  if (named) return { path, ...named };
  return { path, ...ruleOfIssue(issue), message: issue.message };
}

/** Parse untrusted input into a Result whose error names each bad field by its rule. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return okResult(parsed.data);
  const fields = parsed.error.issues.slice(0, 20).map(fieldErrorOf);
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return errResult('bad_request', `Invalid input: ${summary}`.slice(0, 500), fields);
}
