import type { z } from 'zod';
import type { Result } from './result';
import { errResult, okResult } from './result';

/** Parse untrusted input into a Result whose error names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return okResult(parsed.data);
  const fields = parsed.error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return errResult('bad_request', `Invalid input: ${summary}`.slice(0, 500), fields);
}
