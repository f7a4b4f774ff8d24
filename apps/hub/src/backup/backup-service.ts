import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database';

const FILE = /^antre-(\d{8}T\d{6}Z)-([a-z]+)\.db$/;

export interface BackupOptions {
  dir: string;
  /** Backups older than this are deleted after each new one. */
  keepDays: number;
  /** How often a scheduled backup runs; 0 turns the schedule off. */
  intervalMs: number;
}

export interface BackupFile {
  path: string;
  takenAt: number;
  reason: string;
}

const stamp = (at: number): string =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function parseStamp(text: string): number {
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(9, 11)}:${text.slice(11, 13)}:${text.slice(13, 15)}Z`;
  return Date.parse(iso);
}

export function listBackups(dir: string): BackupFile[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => FILE.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ path: join(dir, m[0]), takenAt: parseStamp(m[1] ?? ''), reason: m[2] ?? '' }))
    .sort((a, b) => a.takenAt - b.takenAt);
}

/** SQLite's online backup: the hub keeps serving while pages are copied. */
export function createBackupService(db: Db, options: BackupOptions) {
  mkdirSync(options.dir, { recursive: true });
  let running: Promise<BackupFile> | null = null;

  async function backupNow(reason: 'scheduled' | 'shutdown' | 'manual'): Promise<BackupFile> {
    if (running) return running;
    const takenAt = Date.now();
    const path = join(options.dir, `antre-${stamp(takenAt)}-${reason}.db`);
    running = db
      .backup(path)
      .then(() => {
        prune(takenAt);
        return { path, takenAt, reason };
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function prune(now: number): void {
    const cutoff = now - options.keepDays * 24 * 60 * 60_000;
    for (const file of listBackups(options.dir))
      if (file.takenAt < cutoff) rmSync(file.path, { force: true });
  }

  // Scheduled by the newest backup on disk, not by process start: a hub that restarts more
  // often than the interval still backs up once the interval since the last backup has passed.
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  function scheduleNext(afterFailure = false): void {
    if (stopped || options.intervalMs <= 0) return;
    const last = listBackups(options.dir).at(-1)?.takenAt ?? 0;
    // Never sooner than now nor later than one interval (the clock may have been set back);
    // after a failure, a full interval, so a full disk is not retried in a loop.
    const wait = afterFailure
      ? options.intervalMs
      : Math.min(options.intervalMs, Math.max(0, last + options.intervalMs - Date.now()));
    timer = setTimeout(() => {
      const latest = listBackups(options.dir).at(-1)?.takenAt ?? 0;
      // Another backup (a manual one) may have been taken meanwhile.
      if (latest + options.intervalMs > Date.now()) return scheduleNext();
      backupNow('scheduled').then(
        () => scheduleNext(),
        (error: unknown) => {
          console.error('scheduled backup failed', error);
          scheduleNext(true);
        },
      );
    }, wait);
    timer.unref();
  }
  scheduleNext();

  return {
    backupNow,
    list: () => listBackups(options.dir),
    /** Stops the schedule and takes the shutdown backup. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
      await backupNow('shutdown');
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
