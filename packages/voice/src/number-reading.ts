// Numbers as cardinals, composed from a small set of clips so any number can be spoken
// from the same recordings ("dua" "ratus" "tiga" "puluh" "satu").

const ID_DIGITS = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
] as const;

export const MAX_SPOKEN_NUMBER = 999_999;

function assertSpeakable(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPOKEN_NUMBER)
    throw new RangeError(`Cannot read ${n}: whole numbers 0–${MAX_SPOKEN_NUMBER} only`);
}

/** 123 -> ["seratus", "dua", "puluh", "tiga"]; 11 -> ["sebelas"]; 1000 -> ["seribu"]. */
export function readNumberId(n: number): string[] {
  assertSpeakable(n);
  if (n === 0) return ['nol'];
  return readBelowMillionId(n);
}

function readBelowMillionId(n: number): string[] {
  if (n === 0) return [];
  if (n < 10) return [ID_DIGITS[n]!];
  if (n === 10) return ['sepuluh'];
  if (n === 11) return ['sebelas'];
  if (n < 20) return [ID_DIGITS[n - 10]!, 'belas'];
  if (n < 100) return [ID_DIGITS[Math.floor(n / 10)]!, 'puluh', ...readBelowMillionId(n % 10)];
  if (n < 1000) {
    const hundreds = Math.floor(n / 100);
    const head = hundreds === 1 ? ['seratus'] : [ID_DIGITS[hundreds]!, 'ratus'];
    return [...head, ...readBelowMillionId(n % 100)];
  }
  const thousands = Math.floor(n / 1000);
  const head = thousands === 1 ? ['seribu'] : [...readBelowMillionId(thousands), 'ribu'];
  return [...head, ...readBelowMillionId(n % 1000)];
}

const EN_SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];

/** 123 -> ["one", "hundred", "twenty", "three"]. */
export function readNumberEn(n: number): string[] {
  assertSpeakable(n);
  if (n === 0) return ['zero'];
  return readBelowMillionEn(n);
}

function readBelowMillionEn(n: number): string[] {
  if (n === 0) return [];
  if (n < 20) return [EN_SMALL[n]!];
  if (n < 100) return [EN_TENS[Math.floor(n / 10)]!, ...readBelowMillionEn(n % 10)];
  if (n < 1000) return [EN_SMALL[Math.floor(n / 100)]!, 'hundred', ...readBelowMillionEn(n % 100)];
  return [...readBelowMillionEn(Math.floor(n / 1000)), 'thousand', ...readBelowMillionEn(n % 1000)];
}

/** Every clip the readers above can produce, for the generator and the completeness test. */
export const NUMBER_CLIPS = {
  id: [...ID_DIGITS, 'sepuluh', 'sebelas', 'belas', 'puluh', 'seratus', 'ratus', 'seribu', 'ribu'],
  en: [...EN_SMALL, ...EN_TENS.filter(Boolean), 'hundred', 'thousand'],
} as const;
