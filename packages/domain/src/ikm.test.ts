import { describe, expect, it } from 'vitest';
import type { SkmAnswers, SkmScore } from './ikm';
import { computeIkm, ikmGrade, isSkmAnswers, krejcieMorganTarget, SKM_ELEMENTS } from './ikm';

const uniform = (score: SkmScore): SkmAnswers =>
  Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score])) as SkmAnswers;

/** n respondents whose 9n scores add up to total: every answer starts at 1, then is raised. */
function responsesWithTotal(n: number, total: number): SkmAnswers[] {
  const scores = Array.from({ length: 9 * n }, () => 1);
  let rest = total - 9 * n;
  for (let i = 0; rest > 0; i = (i + 1) % scores.length) {
    if (scores[i]! < 4) {
      scores[i]! += 1;
      rest -= 1;
    }
  }
  return Array.from(
    { length: n },
    (_, r) =>
      Object.fromEntries(
        SKM_ELEMENTS.map((e, k) => [e, scores[r * 9 + k] as SkmScore]),
      ) as SkmAnswers,
  );
}

describe('IKM on hand-worked cases', () => {
  it.each([
    { case: 'one respondent, all "sangat baik"', responses: [uniform(4)], ikm: 100, grade: 'A' },
    { case: 'one respondent, all "tidak baik"', responses: [uniform(1)], ikm: 25, grade: 'D' },
    { case: 'all 3s is 75.00, below B', responses: [uniform(3), uniform(3)], ikm: 75, grade: 'C' },
    // 36 + 27 = 63 points over 18 answers: 25 × 63 / 18 = 87.5.
    {
      case: 'a 4-respondent and a 3-respondent',
      responses: [uniform(4), uniform(3)],
      ikm: 87.5,
      grade: 'B',
    },
  ])('when $case, then IKM $ikm grade $grade', ({ responses, ikm, grade }) => {
    const result = computeIkm(responses);
    expect(result.ikm).toBe(ikm);
    expect(result.grade).toBe(grade);
  });

  it('when one element differs, then its NRR and converted value show it', () => {
    const a = { ...uniform(4), U4: 1 } as SkmAnswers; // "sangat mahal"
    const b = { ...uniform(4), U4: 2 } as SkmAnswers;
    const result = computeIkm([a, b]);
    const u4 = result.elements.find((e) => e.element === 'U4')!;
    expect(u4).toEqual({
      element: 'U4',
      total: 3,
      nrr: 1.5,
      weighted: 0.167, // 3 / 18 = 0.1666…
      converted: 37.5,
      grade: 'D',
    });
    expect(result.elements.find((e) => e.element === 'U1')).toMatchObject({ nrr: 4, grade: 'A' });
    // (8 × 4 × 2 + 3) / 18 × 25 = 67 × 25 / 18 = 93.0555… → 93.06.
    expect(result.ikm).toBe(93.06);
    expect(result.label).toBe('Sangat Baik');
  });

  it('when nobody answered, then there is no IKM and no grade', () => {
    expect(computeIkm([])).toMatchObject({
      respondents: 0,
      weightedSum: null,
      ikm: null,
      grade: null,
    });
  });

  // Three respondents, 3 + 4 + 4 on every element: NRR 11/3 = 3.666…, shown 3.67.
  it('when NRRs are thirds, then the weighted NRR and its sum come from the exact scores', () => {
    const result = computeIkm([uniform(3), uniform(4), uniform(4)]);
    expect(result.elements[0]).toMatchObject({ total: 11, nrr: 3.67, weighted: 0.407 });
    // Σ weighted is exactly 11/3 = 3.667, not 9 × 0.407 = 3.663; IKM = 25 × 11/3 = 91.67.
    expect(result.weightedSum).toBe(3.667);
    expect(result.ikm).toBe(91.67);
  });

  it('uses weights of exactly 1/9, not the rounded 0.11 (which would give 99 for all 4s)', () => {
    expect(computeIkm([uniform(4), uniform(4), uniform(4)]).ikm).toBe(100);
  });
});

describe('grades on their boundaries', () => {
  // Respondent counts and totals found so that the exact IKM rounds to each boundary value.
  it.each([
    { n: 24, total: 763, ikm: 88.31, grade: 'A', label: 'Sangat Baik' },
    { n: 19, total: 604, ikm: 88.3, grade: 'B', label: 'Baik' },
    { n: 19, total: 524, ikm: 76.61, grade: 'B', label: 'Baik' },
    { n: 26, total: 717, ikm: 76.6, grade: 'C', label: 'Kurang Baik' },
    { n: 5, total: 117, ikm: 65, grade: 'C', label: 'Kurang Baik' },
    { n: 38, total: 889, ikm: 64.99, grade: 'D', label: 'Tidak Baik' },
    // 25 × 158949 / 45000 is exactly 88.305: half-up makes it 88.31, grade A.
    { n: 5000, total: 158_949, ikm: 88.31, grade: 'A', label: 'Sangat Baik' },
  ])('when $n respondents score $total in all, then IKM $ikm is $grade', (c) => {
    const result = computeIkm(responsesWithTotal(c.n, c.total));
    expect(result.respondents).toBe(c.n);
    expect(result.ikm).toBe(c.ikm);
    expect(result.grade).toBe(c.grade);
    expect(result.label).toBe(c.label);
  });

  it.each([
    [100, 'A'],
    [88.31, 'A'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [25, 'D'],
  ] as const)('ikmGrade(%s) is %s', (value, grade) => {
    expect(ikmGrade(value)).toBe(grade);
  });
});

describe('Krejcie–Morgan target sample', () => {
  // The published table: N → S.
  it.each([
    [0, 0],
    [1, 1],
    [10, 10],
    [50, 44],
    [100, 80],
    [500, 217],
    [1000, 278],
    [5000, 357],
    [10_000, 370],
    [100_000, 383],
    [200, 132],
    [3000, 341],
    [1_000_000, 384],
  ])('for %i visitors served, the target is %i respondents', (served, target) => {
    expect(krejcieMorganTarget(served)).toBe(target);
  });
});

describe('answers', () => {
  it.each([
    [uniform(2), true],
    [{ ...uniform(2), U9: 5 }, false],
    [{ ...uniform(2), U3: 0 }, false],
    [{ ...uniform(2), U3: '3' }, false],
    [Object.fromEntries(SKM_ELEMENTS.slice(0, 8).map((e) => [e, 3])), false],
    [null, false],
  ])('isSkmAnswers(%j) is %s', (value, valid) => {
    expect(isSkmAnswers(value)).toBe(valid);
  });
});
