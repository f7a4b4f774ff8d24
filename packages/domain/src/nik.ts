// NIK (Nomor Induk Kependudukan): 6 digits of region (province, regency/city, district),
// 6 of birth date DDMMYY where women add 40 to the day, 4 of serial. A plausibility check:
// it catches typos and made-up numbers, not a real person's identity (Dukcapil does that).

export type NikProblem = 'format' | 'all_zeros' | 'province' | 'region' | 'birth_date' | 'serial';

export type NikCheck =
  { ok: true; nik: string; last4: string } | { ok: false; problem: NikProblem };

// Province codes as Kemendagri numbers them, the four Papua provinces of 2022 included.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
  71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
]);

const daysIn = (month: number, year: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Spaces and dashes people type between groups are dropped; anything else is checked as given. */
export function checkNik(input: string): NikCheck {
  const nik = input.replace(/[\s-]/g, '');
  if (!/^\d{16}$/.test(nik)) return { ok: false, problem: 'format' };
  if (/^0+$/.test(nik)) return { ok: false, problem: 'all_zeros' };
  const digits = (from: number, to: number) => Number(nik.slice(from, to));
  if (!PROVINCES.has(digits(0, 2))) return { ok: false, problem: 'province' };
  if (digits(2, 4) === 0 || digits(4, 6) === 0) return { ok: false, problem: 'region' };
  const rawDay = digits(6, 8);
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const month = digits(8, 10);
  const yy = digits(10, 12);
  // The century is not written: a date valid in either 19yy or 20yy is plausible.
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    (day <= daysIn(month, 1900 + yy) || day <= daysIn(month, 2000 + yy));
  if (!valid) return { ok: false, problem: 'birth_date' };
  if (digits(12, 16) === 0) return { ok: false, problem: 'serial' };
  return { ok: true, nik, last4: nik.slice(12) };
}
