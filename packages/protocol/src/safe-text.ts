import { z } from 'zod';
import { rule } from './field-rules';

// Bytes that drive a printer or a terminal (C0, DEL, C1) and the invisible marks that reorder
// how text is shown (bidi embeddings, overrides, isolates; LRM, RLM, ALM), which can make a
// name read as something else. None has a place in a name or a note typed at an MPP.
const CONTROL = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f';
const DIRECTION = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE_IN_LINE = new RegExp(`[\\t\\n${CONTROL}${DIRECTION}]`);
const UNSAFE_IN_TEXT = new RegExp(`[${CONTROL}${DIRECTION}]`);

/** A name or any one-line text that is stored: trimmed, no control or direction characters. */
export const safeLine = () =>
  z
    .string()
    .trim()
    .refine((value) => !UNSAFE_IN_LINE.test(value), { message: rule('unsafe_text') });

/** A multi-line text that is stored (a note, feedback, a template): only \n and \t allowed. */
export const safeText = () =>
  z.string().refine((value) => !UNSAFE_IN_TEXT.test(value), { message: rule('unsafe_text') });
