import type { MediaItem } from '@antre/protocol';
import { fieldError, MEDIA_UPLOAD_MAX_BYTES } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AuditStore } from '../audit/audit-store';
import { defineRoute, HttpError } from '../http/routes';
import { listMedia, MEDIA_TYPES, mediaDir, mediaExtension } from './media-library';

const IMAGE_MAX_BYTES = 20 * 1024 * 1024;

function checkedName(name: string): string {
  const ext = mediaExtension(name);
  if (!ext)
    throw new HttpError(
      400,
      'bad_request',
      'Use a plain file name ending in .jpg, .jpeg, .png, .webp, .gif, .mp4 or .webm',
      [fieldError('file', 'file_name')],
    );
  return ext;
}

/** Counts bytes as they pass and stops the upload once it is over the limit. */
async function saveUpload(body: Readable, path: string, limit: number): Promise<void> {
  let size = 0;
  body.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) body.destroy(new HttpError(413, 'bad_request', 'The file is too large'));
  });
  try {
    await pipeline(body, createWriteStream(path));
  } catch (error) {
    rmSync(path, { force: true });
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'bad_request', 'The upload was interrupted');
  }
}

// What the bytes may turn out to be for each declared type: an MP4 may carry the M4V brand.
const SNIFFED_AS: Record<string, string[]> = {
  'image/jpeg': ['image/jpeg'],
  'image/png': ['image/png'],
  'image/webp': ['image/webp'],
  'image/gif': ['image/gif'],
  'video/mp4': ['video/mp4', 'video/x-m4v'],
  'video/webm': ['video/webm'],
};

/** The declared type is only a claim: the file's own bytes must say the same, or it is dropped. */
async function checkContent(path: string, declared: string): Promise<void> {
  const { fileTypeFromFile } = await import('file-type'); // on the first upload, not at start
  const sniffed = (await fileTypeFromFile(path))?.mime;
  if (sniffed && SNIFFED_AS[declared]?.includes(sniffed)) return;
  rmSync(path, { force: true });
  throw new HttpError(
    415,
    'bad_request',
    `The file's content is ${sniffed ?? 'not a known image or video'}, not ${declared}; nothing was saved`,
    [fieldError('file', 'file_content')],
  );
}

/**
 * The admin's board media: upload (raw body with the file's own content type) and delete.
 * Boards refetch their media list at once (`changed`).
 */
export function mediaRoutes(deps: {
  dataDir: string;
  audit: AuditStore;
  now: () => number;
  changed: (at: number, action: string) => void;
}) {
  const dir = mediaDir(deps.dataDir);
  return [
    defineRoute({
      route: 'PUT /api/display/media/:file',
      summary:
        'Upload one board image or video as the raw body with its content type (images 20 MB, videos 100 MB)',
      tag: 'display',
      access: ['admin'],
      handle: async ({ params: { file: name }, principal, request }) => {
        const ext = checkedName(name);
        const type = MEDIA_TYPES[ext]!;
        if (request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== type)
          throw new HttpError(415, 'bad_request', `A .${ext} file is sent as ${type}`);
        const limit = type.startsWith('video/') ? MEDIA_UPLOAD_MAX_BYTES : IMAGE_MAX_BYTES;
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > limit)
          throw new HttpError(413, 'bad_request', `The file is larger than ${limit / 2 ** 20} MB`);
        const body = request.body as Readable | undefined;
        if (!body || typeof body.pipe !== 'function')
          throw new HttpError(400, 'bad_request', 'Send the file itself as the body');
        mkdirSync(dir, { recursive: true });
        // Written beside the others under a hidden name, then renamed: a board never lists half a file.
        const partial = join(dir, `.upload-${randomUUID()}`);
        await saveUpload(body, partial, limit);
        await checkContent(partial, type);
        renameSync(partial, join(dir, name));
        const at = deps.now();
        await deps.audit.recordAlone(
          principal,
          request,
          { action: 'media.upload', target: name },
          at,
        );
        deps.changed(at, 'media.upload');
        return listMedia(deps.dataDir).find((m) => m.name === name) as MediaItem;
      },
    }),
    defineRoute({
      route: 'DELETE /api/display/media/:file',
      summary: 'Delete one board image or video; returns the media left',
      tag: 'display',
      access: ['admin'],
      handle: async ({ params: { file: name }, principal, request }) => {
        checkedName(name);
        const path = join(dir, name);
        if (!existsSync(path)) throw new HttpError(404, 'not_found', 'No such media file');
        rmSync(path);
        const at = deps.now();
        await deps.audit.recordAlone(
          principal,
          request,
          { action: 'media.delete', target: name },
          at,
        );
        deps.changed(at, 'media.delete');
        return listMedia(deps.dataDir);
      },
    }),
  ];
}
