// receiptline wraps text at any character ("men" / "it"), which reads badly on a 32-column
// ticket. Before rendering, long text lines get receiptline's manual break `\n` at the
// last space that fits, measured as receiptline measures (carets scale the width).
// A line that fills the paper exactly is wrapped by receiptline itself; a `\n` after it
// would print an empty line, so there the space is dropped instead.

interface Token {
  source: string;
  width: number;
  space: boolean;
}

/** Breaks the document's long text lines between words for a paper of `columns`. */
export function wrapDocumentWords(document: string, columns: number): string {
  return document
    .split('\n')
    .map((line) => (isWrappableText(line) ? wrapLine(line.trim(), columns) : line))
    .join('\n');
}

// Properties, rules, cuts and multi-column lines keep receiptline's own layout.
const isWrappableText = (line: string): boolean =>
  !/^\s*\{/.test(line) && !/^\s*(-+|=+)\s*$/.test(line) && !/(^|[^\\])\|/.test(line);

function wrapLine(line: string, columns: number): string {
  const tokens = tokenize(line);
  let width = 0;
  let lastSpace = -1;
  let sinceSpace = 0;
  tokens.forEach((token, index) => {
    if (token.source === '\\n') {
      width = 0;
      lastSpace = -1;
      return;
    }
    if (token.space) {
      lastSpace = index;
      sinceSpace = 0;
    }
    width += token.width;
    if (!token.space) sinceSpace += token.width;
    if (width > columns && lastSpace >= 0) {
      const space = tokens[lastSpace]?.width ?? 1;
      const full = width - sinceSpace - space === columns;
      tokens[lastSpace] = { source: full ? '' : '\\n', width: 0, space: false };
      width = sinceSpace;
      lastSpace = -1;
    }
  });
  return tokens.map((token) => token.source).join('');
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let scale = 0;
  const widthOf = (): number => (scale < 2 ? scale + 1 : scale - 1);
  for (let i = 0; i < line.length;) {
    const rest = line.slice(i);
    const hex = /^\\x[\dA-Fa-f]{2}/.exec(rest);
    const carets = /^\^+/.exec(rest);
    if (hex) {
      tokens.push({ source: hex[0], width: widthOf(), space: false });
      i += 4;
    } else if (rest.startsWith('\\n')) {
      tokens.push({ source: '\\n', width: 0, space: false });
      i += 2;
    } else if (rest.startsWith('\\') && rest.length > 1) {
      tokens.push({ source: rest.slice(0, 2), width: widthOf(), space: false });
      i += 2;
    } else if (carets) {
      const size = Math.min(carets[0].length, 7);
      scale = scale === size ? 0 : size;
      tokens.push({ source: carets[0], width: 0, space: false });
      i += carets[0].length;
    } else {
      const char = line[i] ?? '';
      const decoration = char === '_' || char === '"' || char === '`';
      tokens.push({ source: char, width: decoration ? 0 : widthOf(), space: char === ' ' });
      i += 1;
    }
  }
  return tokens;
}
