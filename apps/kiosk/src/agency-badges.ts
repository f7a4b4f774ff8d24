/** What an agency's tile shows without a logo: a few letters on a colour of its own. */
export interface AgencyBadge {
  text: string;
  colour: string;
}

// Sixteen colours far enough apart to tell side by side, each dark enough for white text
// (contrast ≥ 4.5:1); a building with more agencies than this starts over.
const COLOURS = [
  '#0b5cad',
  '#1d7a46',
  '#7a2fd6',
  '#b42318',
  '#8a5000',
  '#006d77',
  '#5b4636',
  '#3a4cb4',
  '#a4106a',
  '#2f6b1f',
  '#9c3a00',
  '#30475e',
  '#6a2c70',
  '#00607a',
  '#7d1d3f',
  '#4d5a12',
];

const lettersOf = (word: string): string => word.replace(/[^\p{L}\p{N}]/gu, '');

/** "BPJS Kesehatan" -> BK, "Bank Pembangunan Daerah" -> BPD, "BPN" -> BPN, "Imigrasi" -> Im. */
function initials(words: string[]): string {
  const [first = ''] = words;
  if (words.length > 1) return words.map((w) => (w[0] ?? '').toUpperCase()).join('');
  return /^[A-Z0-9]{2,4}$/.test(first) ? first : first.slice(0, 2);
}

/** Letters that tell an agency apart: its initials, then more of the word they came from. */
function lettersToShow(words: string[], more: number): string {
  const base = initials(words);
  const last = words.at(-1) ?? '';
  const from = words.length > 1 ? 1 : base.length;
  return base + last.slice(from, from + more).toLowerCase();
}

/**
 * Badges for the agencies as listed: no two share their letters, and each has its own
 * colour, so "BK" never stands for two agencies. Letters that would repeat grow with the
 * word they came from until they differ ("BKes", "BKet"; "Disd", "Disn").
 */
export function agencyBadges(
  agencies: { id: string; shortName: string }[],
): Map<string, AgencyBadge> {
  // At most three words count: "Dinas Penanaman Modal …" stays a short badge.
  const words = agencies.map((a) =>
    a.shortName.split(/\s+/).map(lettersOf).filter(Boolean).slice(0, 3),
  );
  const more = words.map(() => 0);
  const texts = words.map((w) => lettersToShow(w, 0));
  for (let round = 0; round < 12; round += 1) {
    const count = new Map<string, number>();
    for (const text of texts)
      count.set(text.toUpperCase(), (count.get(text.toUpperCase()) ?? 0) + 1);
    const repeated = texts.map((text) => (count.get(text.toUpperCase()) ?? 0) > 1);
    if (!repeated.includes(true)) break;
    texts.forEach((text, i) => {
      if (!repeated[i]) return;
      more[i] = (more[i] ?? 0) + 1;
      const next = lettersToShow(words[i] ?? [], more[i] ?? 0);
      // Names alike to their last letter still differ by their place in the list.
      texts[i] = next === text ? `${lettersToShow(words[i] ?? [], 0)}${i + 1}` : next;
    });
  }
  return new Map(
    agencies.map((agency, i) => [
      agency.id,
      { text: texts[i] ?? '', colour: COLOURS[i % COLOURS.length] ?? '#0b5cad' },
    ]),
  );
}
