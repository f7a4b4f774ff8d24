import { useSyncExternalStore } from 'react';

// Whether an announcement is being spoken, so the media area can lower a video's sound.
let speaking = false;
const listeners = new Set<() => void>();

export function setSpeaking(value: boolean): void {
  speaking = value;
  listeners.forEach((l) => l());
}

export function useSpeaking(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => speaking,
  );
}
