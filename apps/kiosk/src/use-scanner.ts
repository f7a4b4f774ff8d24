import { useEffect, useRef } from 'react';

// A scanner types a whole code in well under a second; slower keys start a new code.
const KEY_GAP_MS = 1_000;
const CODE_MIN = 6;

/**
 * A booking QR scanned on the first screen: the USB scanner types the code then Enter into
 * the page, and the kiosk checks the visitor in without a touch on the screen.
 */
export function useScanner(enabled: boolean, onCode: (code: string) => void): void {
  const latest = useRef(onCode);
  latest.current = onCode;
  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let lastAt = 0;
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const now = performance.now();
      if (now - lastAt > KEY_GAP_MS) buffer = '';
      lastAt = now;
      const key = event.key.toUpperCase();
      if (event.key === 'Enter') {
        if (buffer.length >= CODE_MIN) {
          event.preventDefault();
          latest.current(buffer);
        }
        buffer = '';
      } else if (key.length === 1 && /[A-Z0-9]/.test(key)) {
        buffer += key;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
