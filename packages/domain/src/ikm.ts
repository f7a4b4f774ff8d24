// Survei Kepuasan Masyarakat (PermenPANRB 14/2017): nine elements answered 1–4, the
// per-element NRR and the IKM on a 25–100 scale with its grade.

export const SKM_ELEMENTS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];
export type SkmScore = 1 | 2 | 3 | 4;
export type SkmAnswers = Record<SkmElement, SkmScore>;

export interface SkmElementWording {
  name: string;
  /** The answer for scores 1, 2, 3 and 4, as the regulation's form words them. */
  options: readonly [string, string, string, string];
}

export const SKM_WORDING: Record<SkmElement, SkmElementWording> = {
  U1: {
    name: 'Persyaratan',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  U2: {
    name: 'Sistem, Mekanisme, dan Prosedur',
    options: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  U3: {
    name: 'Waktu Penyelesaian',
    options: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  U4: { name: 'Biaya/Tarif', options: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'] },
  U5: {
    name: 'Produk Spesifikasi Jenis Pelayanan',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  U6: {
    name: 'Kompetensi Pelaksana',
    options: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  U7: {
    name: 'Perilaku Pelaksana',
    options: [
      'Tidak sopan dan ramah',
      'Kurang sopan dan ramah',
      'Sopan dan ramah',
      'Sangat sopan dan ramah',
    ],
  },
  U8: { name: 'Sarana dan Prasarana', options: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'] },
  U9: {
    name: 'Penanganan Pengaduan, Saran dan Masukan',
    options: [
      'Tidak ada',
      'Ada tetapi tidak berfungsi',
      'Berfungsi kurang maksimal',
      'Dikelola dengan baik',
    ],
  },
};

export type DemographicField = 'ageBand' | 'sex' | 'education' | 'job';

/** The respondent profile's answers in Indonesian, as the form asks and the report prints them. */
export const DEMOGRAPHIC_LABELS_ID: Record<DemographicField, Record<string, string>> = {
  ageBand: {
    '<20': 'Di bawah 20 tahun',
    '20-29': '20–29 tahun',
    '30-39': '30–39 tahun',
    '40-49': '40–49 tahun',
    '50-59': '50–59 tahun',
    '>=60': '60 tahun ke atas',
  },
  sex: { laki_laki: 'Laki-laki', perempuan: 'Perempuan' },
  education: {
    sd: 'SD',
    smp: 'SMP',
    sma: 'SMA/SMK',
    d1_d3: 'D1–D3',
    s1_d4: 'S1/D4',
    s2_plus: 'S2 ke atas',
  },
  job: {
    pns: 'PNS',
    tni_polri: 'TNI/Polri',
    swasta: 'Pegawai swasta',
    wirausaha: 'Wirausaha',
    pelajar: 'Pelajar/Mahasiswa',
    lainnya: 'Lainnya',
  },
};

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

export const IKM_GRADE_LABELS: Record<IkmGrade, string> = {
  A: 'Sangat Baik',
  B: 'Baik',
  C: 'Kurang Baik',
  D: 'Tidak Baik',
};

/** Lower bounds in hundredths, from the regulation's table of converted values. */
const GRADE_FLOORS: readonly [IkmGrade, number][] = [
  ['A', 8831],
  ['B', 7661],
  ['C', 6500],
  ['D', 2500],
];

/** The grade of a converted value (25–100) as reported, i.e. rounded to two decimals. */
export function ikmGrade(value: number): IkmGrade {
  const hundredths = Math.round(value * 100);
  return GRADE_FLOORS.find(([, floor]) => hundredths >= floor)?.[0] ?? 'D';
}

export interface SkmElementResult {
  element: SkmElement;
  /** The element's scores summed over the respondents (the report's "Σ nilai per unsur"). */
  total: number;
  /** Nilai rata-rata: the element's scores summed over the respondents. */
  nrr: number;
  /** NRR tertimbang: NRR × 1/9, to three decimals as the regulation's table shows it. */
  weighted: number;
  /** NRR × 25, the element on the 25–100 scale, with its grade. */
  converted: number;
  grade: IkmGrade;
}

export interface IkmResult {
  respondents: number;
  elements: SkmElementResult[];
  /** Σ(NRR × 1/9), three decimals; the IKM before its conversion to 25–100. */
  weightedSum: number | null;
  /** Σ(NRR × 1/9) × 25, rounded half-up to two decimals; null without respondents. */
  ikm: number | null;
  grade: IkmGrade | null;
  label: string | null;
}

/** Half-up rounding of num/den to 1/scale in integers, so 88.305 is 88.31 exactly. */
function roundedRatio(num: number, den: number, scale: number): number {
  return Math.floor((2 * scale * num + den) / (2 * den)) / scale;
}
const hundredthsOf = (num: number, den: number): number => roundedRatio(num, den, 100);
const thousandthsOf = (num: number, den: number): number => roundedRatio(num, den, 1000);

/**
 * The weight of each element is exactly 1/9 (the regulation's text rounds it to 0.11, which
 * would make a perfect score 99). With whole scores the IKM is then 25·S/(9n) exactly.
 */
export function computeIkm(responses: readonly SkmAnswers[]): IkmResult {
  const n = responses.length;
  const sums = SKM_ELEMENTS.map((element) =>
    responses.reduce((total, answers) => total + answers[element], 0),
  );
  const elements = SKM_ELEMENTS.map((element, i): SkmElementResult => {
    const sum = sums[i] ?? 0;
    const converted = n === 0 ? 0 : hundredthsOf(25 * sum, n);
    return {
      element,
      total: sum,
      nrr: n === 0 ? 0 : hundredthsOf(sum, n),
      weighted: n === 0 ? 0 : thousandthsOf(sum, 9 * n),
      converted,
      grade: ikmGrade(converted),
    };
  });
  if (n === 0)
    return { respondents: 0, elements, weightedSum: null, ikm: null, grade: null, label: null };
  const total = sums.reduce((a, b) => a + b, 0);
  const ikm = hundredthsOf(25 * total, 9 * n);
  const grade = ikmGrade(ikm);
  return {
    respondents: n,
    elements,
    weightedSum: thousandthsOf(total, 9 * n),
    ikm,
    grade,
    label: IKM_GRADE_LABELS[grade],
  };
}

/**
 * Krejcie–Morgan sample size for N visitors served: λ²NPQ / (d²(N−1) + λ²PQ) with
 * λ² = 3.841, P = Q = 0.5 and d = 0.05.
 */
export function krejcieMorganTarget(served: number): number {
  if (served <= 0) return 0;
  const chi = 3.841;
  const pq = 0.25;
  const raw = (chi * served * pq) / (0.0025 * (served - 1) + chi * pq);
  // Rounded to the nearest whole respondent, as the published table is (N = 500 → 217).
  return Math.min(served, Math.round(raw));
}

export function isSkmAnswers(value: unknown): value is SkmAnswers {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return SKM_ELEMENTS.every((e) => [1, 2, 3, 4].includes(record[e] as number));
}
