import type { ReactNode } from 'react';

// Plain pictograms drawn with strokes: no icon font, nothing to download.
const ICONS: Record<'regular' | 'disability' | 'elderly' | 'pregnant' | 'child', ReactNode> = {
  regular: (
    <>
      <circle cx="24" cy="9" r="5" />
      <path d="M24 16v15M16 22h16M24 31l-6 13M24 31l6 13" />
    </>
  ),
  disability: (
    <>
      <circle cx="20" cy="7" r="4.5" />
      <path d="M20 13v14h12l5 11" />
      <path d="M20 20h10" />
      <path d="M14 22a12 12 0 1 0 17 13" />
    </>
  ),
  elderly: (
    <>
      <circle cx="21" cy="8" r="4.5" />
      <path d="M21 14c-2 6-2 10-1 16l-5 14M20 30l6 14M21 17l8 6" />
      <path d="M33 24v20M33 24c0-3 4-3 4 0" />
    </>
  ),
  pregnant: (
    <>
      <circle cx="22" cy="8" r="4.5" />
      <path d="M21 14v10c6 0 10 3 9 8s-5 5-9 5v7M21 20l-6 8M25 37l2 7" />
    </>
  ),
  child: (
    <>
      <circle cx="16" cy="8" r="4.5" />
      <path d="M16 15v14M9 21h14M16 29l-5 14M16 29l5 14" />
      <circle cx="34" cy="22" r="3.5" />
      <path d="M34 27v8M29 30h10M34 35l-3 8M34 35l3 8M23 21l8 7" />
    </>
  ),
};

export function PriorityIcon({ kind }: { kind: keyof typeof ICONS }) {
  return (
    <svg
      className="priority-icon"
      viewBox="0 0 48 48"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="3"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {ICONS[kind]}
    </svg>
  );
}
