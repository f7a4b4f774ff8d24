import type { Building } from '@antre/domain';
import type { LogoType } from '@antre/protocol';
import { splitLogo } from '@antre/protocol';
import { createHash } from 'node:crypto';

export { withoutLogos } from '@antre/protocol';

/** A logo decoded for serving; `version` is its content hash (ETag and `?v=`). */
export interface LogoFile {
  contentType: `image/${LogoType}`;
  bytes: Buffer;
  version: string;
}

/** `site` or `agencies/<id>`, the same as the URL after /api/logos/. */
export type LogoKey = 'site' | `agencies/${string}`;

// Decoded once per configuration: a building object is replaced, never changed in place.
const decodedByBuilding = new WeakMap<Building, Map<LogoKey, LogoFile>>();

function decode(dataUrl: string): LogoFile | null {
  const logo = splitLogo(dataUrl);
  if (!logo) return null;
  const bytes = Buffer.from(logo.base64, 'base64');
  const version = createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
  return { contentType: `image/${logo.type}` as const, bytes, version };
}

export function logoFiles(building: Building): Map<LogoKey, LogoFile> {
  const known = decodedByBuilding.get(building);
  if (known) return known;
  const files = new Map<LogoKey, LogoFile>();
  const add = (key: LogoKey, dataUrl: string | undefined) => {
    const file = dataUrl ? decode(dataUrl) : null;
    if (file) files.set(key, file);
  };
  add('site', building.site.logo);
  for (const agency of building.agencies) add(`agencies/${agency.id}`, agency.logo);
  decodedByBuilding.set(building, files);
  return files;
}

/** The public URL of a logo, versioned so a changed logo is fetched again; undefined without one. */
export function logoUrl(building: Building, key: LogoKey): string | undefined {
  const file = logoFiles(building).get(key);
  return file ? `/api/logos/${key}?v=${file.version}` : undefined;
}

/**
 * The building a save keeps: a logo the body leaves out is the stored one, so a form that
 * sends the building without its logos (they have their own endpoints) removes none.
 */
export function keepingStoredLogos(next: Building, stored: Building): Building {
  const storedLogos = new Map(stored.agencies.map((a) => [a.id, a.logo]));
  const siteLogo = next.site.logo ?? stored.site.logo;
  return {
    ...next,
    site: { ...next.site, ...(siteLogo ? { logo: siteLogo } : {}) },
    agencies: next.agencies.map((agency) => {
      const logo = agency.logo ?? storedLogos.get(agency.id);
      return logo ? { ...agency, logo } : agency;
    }),
  };
}

/** The building with one logo set, or removed when `logo` is undefined. */
export function withLogo(building: Building, key: LogoKey, logo: string | undefined): Building {
  const put = <T extends { logo?: string }>(owner: T): T => {
    const copy = { ...owner };
    if (logo) copy.logo = logo;
    else delete copy.logo;
    return copy;
  };
  if (key === 'site') return { ...building, site: put(building.site) };
  const id = key.slice('agencies/'.length);
  return {
    ...building,
    agencies: building.agencies.map((a) => (a.id === id ? put(a) : a)),
  };
}
