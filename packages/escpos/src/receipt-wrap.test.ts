import { describe, expect, it } from 'vitest';
import { wrapDocumentWords } from './receipt-wrap';

describe('wrapDocumentWords', () => {
  it.each([
    ['a line that fits exactly', 'Nomor Anda', 'Nomor Anda'],
    ['breaks at the last space that fits', 'aaaa bbbb cccc', 'aaaa bbbb\\ncccc'],
    ['counts an escape as one character', 'a\\x2da\\x2da bbbbb', 'a\\x2da\\x2da\\nbbbbb'],
    ['counts double width after a caret', '^ab cde', '^ab\\ncde'],
    ['leaves a word longer than the line to receiptline', 'abcdefghijklm', 'abcdefghijklm'],
    [
      'leaves properties alone',
      '{code:aaaa bbbb cccc; option:qrcode}',
      '{code:aaaa bbbb cccc; option:qrcode}',
    ],
    ['leaves columns alone', 'aaaa bbbb | cccc', 'aaaa bbbb | cccc'],
    ['drops the space after a line that fills the paper', 'aaaa bbbbb cc', 'aaaa bbbbbcc'],
    ['measures an em dash as one column', 'a — bbbbbb cc', 'a — bbbbbbcc'],
    ['restarts after a manual break', 'aaaa\\nbbbb cc', 'aaaa\\nbbbb cc'],
  ])('%s', (_name, line, wrapped) => {
    expect(wrapDocumentWords(line, 10)).toBe(wrapped);
  });
});
