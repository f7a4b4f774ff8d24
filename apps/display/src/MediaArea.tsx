import type { MediaItem } from '@antre/protocol';
import { useEffect, useRef, useState } from 'react';
import { useSpeaking } from './speaking';

// A video plays at this share of its volume while a call is spoken.
const DUCKED_VOLUME = 0.15;

/** Images and videos from the media folder in turn; a video's sound ducks under a call. */
export function MediaArea({ items, imageSeconds }: { items: MediaItem[]; imageSeconds: number }) {
  const [index, setIndex] = useState(0);
  const item = items[index % items.length];
  const video = useRef<HTMLVideoElement>(null);
  const speaking = useSpeaking();
  const next = (): void => setIndex((i) => (i + 1) % items.length);

  useEffect(() => {
    if (item?.kind !== 'image') return;
    const timer = setTimeout(next, imageSeconds * 1000);
    return () => clearTimeout(timer);
  });
  useEffect(() => {
    if (video.current) video.current.volume = speaking ? DUCKED_VOLUME : 1;
  }, [speaking, item]);

  if (!item) return null;
  return (
    <section className="media" aria-hidden="true">
      {item.kind === 'image' ? (
        <img key={item.url} src={item.url} alt="" />
      ) : (
        <video
          key={item.url}
          ref={video}
          src={item.url}
          autoPlay
          playsInline
          // A browser only autoplays muted video; Electron plays it with sound.
          onCanPlay={(e) => {
            const element = e.currentTarget;
            void element.play().catch(() => {
              element.muted = true;
              void element.play().catch(() => undefined);
            });
          }}
          onEnded={items.length > 1 ? next : undefined}
          loop={items.length === 1}
          data-volume={speaking ? DUCKED_VOLUME : 1}
        />
      )}
    </section>
  );
}
