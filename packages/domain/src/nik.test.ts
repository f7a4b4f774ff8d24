import { describe, expect, it } from 'vitest';
import type { NikProblem } from './nik';
import { checkNik } from './nik';

// 73 71 01 = Sulawesi Selatan, Kota Makassar, a district; born 17-08-1985; serial 0001.
const cases: [string, string, NikProblem | null][] = [
  ['a man born 17 Aug 1985 in Makassar', '7371011708850001', null],
  ['a woman: day + 40', '7371015708850002', null],
  ['typed in groups', '7371 0117 0885 0003', null],
  ['typed with dashes', '7371-0117-0885-0004', null],
  ['fifteen digits', '737101170885000', 'format'],
  ['seventeen digits', '73710117088500011', 'format'],
  ['a letter', '737101170885000O', 'format'],
  ['all zeros', '0000000000000000', 'all_zeros'],
  ['no such province', '9971011708850001', 'province'],
  ['regency 00', '7300011708850001', 'region'],
  ['district 00', '7371001708850001', 'region'],
  ['day 32', '7371013208850001', 'birth_date'],
  ['day 00', '7371010008850001', 'birth_date'],
  ['woman day 72', '7371017208850001', 'birth_date'],
  ['month 13', '7371011713850001', 'birth_date'],
  ['30 February', '7371013002850001', 'birth_date'],
  ['29 February 2000 (leap)', '7371012902000001', null],
  ['29 February of 1985/2085', '7371012902850001', 'birth_date'],
  ['woman born 29 Feb 2004', '7371016902040001', null],
  ['serial 0000', '7371011708850000', 'serial'],
  ['Papua Pegunungan (2022)', '9501011708850001', null],
];

describe('NIK plausibility', () => {
  it.each(cases)('When %s, then %s', (_name, input, problem) => {
    const result = checkNik(input);
    if (problem === null) {
      expect(result).toMatchObject({ ok: true });
      if (result.ok) {
        expect(result.nik).toMatch(/^\d{16}$/);
        expect(result.last4).toBe(result.nik.slice(12));
      }
    } else expect(result).toEqual({ ok: false, problem });
  });
});
