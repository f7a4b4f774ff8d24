import type { Section } from './building-drafts';

// The Gedung page opens one item's form from a link: `#building?edit=services/kk-baru`.
const SECTIONS: readonly Section[] = ['zones', 'agencies', 'services', 'counters'];

export const buildingLink = (section: Section, id: string): string =>
  `#building?edit=${section}/${encodeURIComponent(id)}`;

/** The item a link asks the Gedung page to open, or null. */
export function linkedItem(hash: string): { section: Section; id: string } | null {
  const match = /^#building\?edit=([a-z]+)\/(.+)$/.exec(hash);
  const section = SECTIONS.find((s) => s === match?.[1]);
  return section && match?.[2] ? { section, id: decodeURIComponent(match[2]) } : null;
}
