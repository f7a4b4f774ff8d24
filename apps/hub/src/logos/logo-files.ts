import type { Building } from '@antre/domain';
import { splitLogo } from '@antre/protocol';
import { createHash } from 'node:crypto';

/** A logo decoded for serving; `version` is its content hash (ETag and `?v=`). */
export interface LogoFile {
  contentType: string;
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
  return { contentType: `image/${logo.type}`, bytes, version };
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

/** The building without its logo bytes, for apps that show logos by URL. */
export function withoutLogos(building: Building): Building {
  const site = { ...building.site };
  delete site.logo;
  const agencies = building.agencies.map((a) => ({ ...a }));
  for (const agency of agencies) delete agency.logo;
  return { ...building, site, agencies };
}
