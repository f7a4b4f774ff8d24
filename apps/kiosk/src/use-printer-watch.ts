import type { ConnectionState } from '@antre/client';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { KioskHub } from './kiosk-hub';
import { printerCanPrint } from './print-flow';

const RECHECK_MS = 5_000;

/**
 * Whether the kiosk's printer can print. Checked at start; once in trouble the kiosk stops
 * offering tickets and asks again every few seconds until the printer is back.
 */
export function usePrinterWatch(hub: KioskHub | null) {
  const [trouble, setTrouble] = useState(false);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    if (!hub || (checked && !trouble)) return;
    let live = true;
    const check = async (): Promise<void> => {
      const canPrint = await printerCanPrint(hub);
      if (!live) return;
      setChecked(true);
      if (canPrint !== null) setTrouble(!canPrint);
    };
    void check();
    const timer = window.setInterval(() => void check(), RECHECK_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [hub, trouble, checked]);

  const markTrouble = useCallback(() => setTrouble(true), []);
  return { trouble, markTrouble };
}

const noop = (): (() => void) => () => undefined;

export function useConnection(hub: KioskHub | null): ConnectionState {
  return useSyncExternalStore(hub ? hub.client.subscribe : noop, () =>
    hub ? hub.client.connection : 'connecting',
  );
}
