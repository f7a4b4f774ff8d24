import type { CSSProperties } from 'react';

// Slow enough to read from the back of the hall: the track holds the text twice plus a
// screen's width, about 4 characters a second.
const secondsFor = (text: string): number => 12 + text.length * 0.25;

export function RunningText({ text }: { text: string }) {
  const style = { '--duration': `${secondsFor(text)}s` } as CSSProperties;
  return (
    <footer className="ticker" aria-label={text}>
      <div className="ticker-track" style={style} aria-hidden="true">
        <span>{text}</span>
        <span>{text}</span>
      </div>
    </footer>
  );
}
