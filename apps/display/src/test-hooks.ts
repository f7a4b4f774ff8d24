import type { AnnouncementRecord } from './announcements';

/** The browser tests' build (`vite build --mode test`); production folds this to false. */
const TEST_BUILD = import.meta.env.MODE === 'test';

/** What a test may do to a board: drop and restore its connection as a network fault would. */
export interface BoardTestHook {
  disconnect: () => void;
  reconnect: () => void;
  soundUnlocked: () => boolean;
}

declare global {
  interface Window {
    __antreBoard?: BoardTestHook;
    __antreAnnouncements?: AnnouncementRecord[];
  }
}

export function exposeBoardToTests(hook: BoardTestHook): void {
  if (TEST_BUILD) window.__antreBoard = hook;
}

/** Where a test build keeps every announcement for the tests to read; nowhere in production. */
export function announcementLogForTests(): AnnouncementRecord[] | null {
  return TEST_BUILD ? (window.__antreAnnouncements ??= []) : null;
}
