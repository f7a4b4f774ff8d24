// Every character receiptline gives a meaning to, in text or in a property value. Each is
// written as a `\xNN` escape, which receiptline turns back into the plain character after
// it has parsed columns, properties, rules and decorations — so no value can add markup.
const SPECIAL = new Set(['\\', '|', '{', '}', '-', '=', '~', '_', '"', '`', '^', ';', ':']);

/** Escapes a value for a receiptline document so that it prints literally. */
export function escapeReceiptText(value: string): string {
  let out = '';
  for (const char of value.replace(/[\r\n\t]+/g, ' ')) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) continue;
    out += SPECIAL.has(char) ? `\\x${code.toString(16).padStart(2, '0')}` : char;
  }
  return out;
}
