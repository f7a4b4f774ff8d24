import { useEffect, useRef } from 'react';

export const ACTIONS = [
  'callNext',
  'recall',
  'start',
  'finish',
  'noShow',
  'park',
  'transfer',
  'pause',
  'close',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * F keys for the keyboard, numpad digits for a USB keypad, and NumpadAdd / Enter-free keys a
 * foot pedal can be set to. `code` is read, so NumLock on or off does not matter.
 */
export const SHORTCUTS: Record<Action, { label: string; codes: string[] }> = {
  callNext: { label: 'F1', codes: ['F1', 'Numpad1', 'NumpadAdd'] },
  recall: { label: 'F2', codes: ['F2', 'Numpad2'] },
  start: { label: 'F3', codes: ['F3', 'Numpad3'] },
  finish: { label: 'F4', codes: ['F4', 'Numpad4'] },
  noShow: { label: 'F6', codes: ['F6', 'Numpad6'] },
  park: { label: 'F7', codes: ['F7', 'Numpad7'] },
  transfer: { label: 'F8', codes: ['F8', 'Numpad8'] },
  pause: { label: 'F9', codes: ['F9', 'Numpad9'] },
  close: { label: 'F10', codes: ['F10'] },
};

const byCode = new Map(
  Object.entries(SHORTCUTS).flatMap(([action, s]) => s.codes.map((c) => [c, action as Action])),
);

/** Calls `onAction` for a shortcut key, unless a dialog or a text field has the keyboard. */
export function useShortcuts(enabled: boolean, onAction: (action: Action) => void): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const action = byCode.get(event.code);
      if (!action) return;
      // F keys have browser meanings (F1 help, F10 menu); they are ours on this screen.
      if (event.code.startsWith('F')) event.preventDefault();
      const target = event.target as HTMLElement | null;
      const typing = Boolean(target?.closest?.('input, textarea, select, [role="dialog"]'));
      if (!enabled || typing || event.repeat) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
