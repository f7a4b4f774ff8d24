import type { ClipPath } from './call-clips';

export interface ClipPlayerOptions {
  /** Where clips are fetched: `${baseUrl}/${language}/${clip}`, e.g. "/api/audio". */
  baseUrl: string;
  /** Told when speech starts and ends, so a video can lower its volume meanwhile. */
  onSpeaking?: (speaking: boolean) => void;
}

// A short breath between clips, so joined words do not run into each other.
const GAP_SECONDS = 0.06;

/**
 * Plays a list of clips back to back with the Web Audio API, the same in Electron and in a
 * browser. Browsers start an AudioContext suspended until a tap: `unlock` is that tap.
 */
export function createClipPlayer(options: ClipPlayerOptions) {
  let context: AudioContext | null = null;
  const buffers = new Map<string, Promise<AudioBuffer | null>>();

  const lockListeners = new Set<() => void>();
  const audio = (): AudioContext => {
    if (!context) {
      context = new AudioContext();
      // A context allowed to play starts 'suspended' and turns 'running' a moment later.
      context.onstatechange = () => lockListeners.forEach((l) => l());
    }
    return context;
  };

  function load(path: ClipPath): Promise<AudioBuffer | null> {
    let buffer = buffers.get(path);
    if (!buffer) {
      buffer = fetch(`${options.baseUrl}/${path}`)
        .then((response) => (response.ok ? response.arrayBuffer() : null))
        .then((bytes) => (bytes ? audio().decodeAudioData(bytes) : null))
        .catch(() => null); // a missing clip is skipped; the rest of the call is still said
      buffers.set(path, buffer);
    }
    return buffer;
  }

  async function play(paths: readonly ClipPath[]): Promise<void> {
    const ctx = audio();
    if (ctx.state !== 'running') return; // not unlocked: the board still shows the call
    const clips = (await Promise.all(paths.map(load))).filter((b): b is AudioBuffer => !!b);
    if (clips.length === 0) return;
    options.onSpeaking?.(true);
    try {
      let at = ctx.currentTime + 0.05;
      let last: AudioBufferSourceNode | null = null;
      for (const clip of clips) {
        last = ctx.createBufferSource();
        last.buffer = clip;
        last.connect(ctx.destination);
        last.start(at);
        at += clip.duration + GAP_SECONDS;
      }
      const total = at - ctx.currentTime;
      await new Promise<void>((resolve) => {
        if (last) last.onended = () => resolve();
        // onended may never fire on a device without audio output; do not block the queue.
        setTimeout(resolve, (total + 1) * 1000);
      });
    } finally {
      options.onSpeaking?.(false);
    }
  }

  return {
    play,
    /** Loads clips ahead of time so the first call is not late. */
    preload(paths: readonly ClipPath[]): void {
      for (const path of paths) void load(path);
    },
    /** True when sound can play without a tap (Electron, or after one). */
    get unlocked(): boolean {
      return audio().state === 'running';
    },
    /** Told when sound becomes allowed or stops being allowed. */
    onUnlockChange(listener: () => void): () => void {
      lockListeners.add(listener);
      audio();
      return () => lockListeners.delete(listener);
    },
    async unlock(): Promise<boolean> {
      await audio().resume();
      return audio().state === 'running';
    },
  };
}

export type ClipPlayer = ReturnType<typeof createClipPlayer>;
