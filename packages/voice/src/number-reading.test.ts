import { describe, expect, it } from 'vitest';
import { NUMBER_CLIPS, readNumberEn, readNumberId } from './number-reading';

const id = (n: number): string => readNumberId(n).join(' ');

describe('reading a number in Indonesian', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [7, 'tujuh'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [115, 'seratus lima belas'],
    [123, 'seratus dua puluh tiga'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1011, 'seribu sebelas'],
    [1100, 'seribu seratus'],
    [1999, 'seribu sembilan ratus sembilan puluh sembilan'],
    [2000, 'dua ribu'],
    [2024, 'dua ribu dua puluh empat'],
    [9999, 'sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [11_000, 'sebelas ribu'],
    [100_000, 'seratus ribu'],
  ])('when the number is %i, then it is read "%s"', (n, words) => {
    expect(id(n)).toBe(words);
  });

  it.each([-1, 1.5, 1_000_000, Number.NaN])('when the number is %s, then it is refused', (n) => {
    expect(() => readNumberId(n)).toThrow(RangeError);
  });
});

/** An independent reader of the words back into a number, to check every reading 0–9999. */
function parseIndonesian(words: string[]): number {
  const digit = (w: string): number => NUMBER_CLIPS.id.indexOf(w as never);
  let total = 0;
  let group = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (word === 'nol') return 0;
    if (word === 'sepuluh') group += 10;
    else if (word === 'sebelas') group += 11;
    else if (word === 'seratus') group += 100;
    else if (word === 'seribu') total += 1000;
    else if (word === 'belas') group += 10;
    else if (word === 'puluh') group += (group % 10) * 9;
    else if (word === 'ratus') group += (group % 10) * 99;
    else if (word === 'ribu') {
      total += group * 1000;
      group = 0;
    } else if (digit(word) >= 1 && digit(word) <= 9) group += digit(word);
    else throw new Error(`unknown word ${word}${next ? ` before ${next}` : ''}`);
  }
  return total + group;
}

describe('every number from 0 to 9999', () => {
  const all = Array.from({ length: 10_000 }, (_, n) => n);

  it('when read and parsed back, then it is the same number', () => {
    const wrong = all.filter((n) => parseIndonesian(readNumberId(n)) !== n);
    expect(wrong).toEqual([]);
  });

  it('when read, then only the composable clips are used and "nol" only for zero', () => {
    const clips = new Set<string>(NUMBER_CLIPS.id);
    for (const n of all) {
      const words = readNumberId(n);
      expect(words.every((w) => clips.has(w))).toBe(true);
      if (n > 0) expect(words).not.toContain('nol');
    }
  });

  it('when read, then "satu" never comes before puluh, ratus, ribu or belas', () => {
    for (const n of all) {
      const text = id(n);
      expect(text).not.toMatch(/satu (puluh|ratus|ribu|belas)/);
      expect(text).not.toMatch(/^nol ./);
    }
  });
});

describe('reading a number in English', () => {
  it.each([
    [0, 'zero'],
    [7, 'seven'],
    [12, 'twelve'],
    [40, 'forty'],
    [123, 'one hundred twenty three'],
    [1000, 'one thousand'],
    [9999, 'nine thousand nine hundred ninety nine'],
  ])('when the number is %i, then it is read "%s"', (n, words) => {
    expect(readNumberEn(n).join(' ')).toBe(words);
  });

  it('when any number 0–9999 is read, then only the English clips are used', () => {
    const clips = new Set<string>(NUMBER_CLIPS.en);
    for (let n = 0; n < 10_000; n++) expect(readNumberEn(n).every((w) => clips.has(w))).toBe(true);
  });
});
