import type { MediaItem } from '@antre/protocol';
import { MEDIA_UPLOAD_TYPES } from '@antre/protocol';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const KINDS: Record<string, MediaItem['kind']> = {
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  webp: 'image',
  gif: 'image',
  mp4: 'video',
  webm: 'video',
};
export const MEDIA_TYPES = MEDIA_UPLOAD_TYPES;
// A plain file name: no folders, no dot-files, so a name can never leave the media folder.
const MEDIA_NAME = /^[\w][\w .()-]{0,150}\.([A-Za-z0-9]{2,5})$/;

export const mediaDir = (dataDir: string): string => join(dataDir, 'media');

export function mediaExtension(name: string): string | null {
  const ext = MEDIA_NAME.exec(name)?.[1]?.toLowerCase();
  return ext && ext in KINDS ? ext : null;
}

/** The images and videos the admin put in <data-dir>/media/, in name order. */
export function listMedia(dataDir: string): MediaItem[] {
  const dir = mediaDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => mediaExtension(name) && statSync(join(dir, name)).isFile())
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({
      name,
      kind: KINDS[mediaExtension(name)!]!,
      url: `/api/media/${encodeURIComponent(name)}`,
    }));
}
