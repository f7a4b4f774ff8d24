import type { Catalogue, ServiceStats } from '@antre/protocol';
import { KioskSettingsSchema } from '@antre/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { deviceToken, forgetDeviceToken, storeDeviceToken } from './device-token';
import type { KioskHub, KioskProfile } from './kiosk-hub';
import { createKioskHub } from './kiosk-hub';

export type KioskBoot =
  | { stage: 'loading' }
  | { stage: 'unregistered'; paired: (token: string) => void }
  | { stage: 'ready'; hub: KioskHub; profile: KioskProfile; catalogue: Catalogue; idleMs: number };

function mergeStats(catalogue: Catalogue, stats: ServiceStats[]): Catalogue {
  const byId = new Map(stats.map((s) => [s.serviceId, s]));
  return {
    ...catalogue,
    agencies: catalogue.agencies.map((a) => ({
      ...a,
      services: a.services.map((s) => ({ ...s, ...byId.get(s.id) })),
    })),
  };
}

/** Signs the kiosk in with its device token, loads what it offers, and keeps it live. */
export function useKiosk(): KioskBoot & { refresh: () => void } {
  // Null until the kiosk is paired (or again once its token is refused).
  const [token, setToken] = useState(() => deviceToken());
  // One connection for the page's life: closing it in an effect's cleanup would cut it
  // under React's development double-mount.
  const hub = useMemo(() => (token ? createKioskHub(token) : null), [token]);
  const [profile, setProfile] = useState<KioskProfile | null>(null);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [unregistered, setUnregistered] = useState(!token);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (!hub) return;
    let live = true;
    const load = async (): Promise<void> => {
      const found = await hub.profile();
      if (!live) return;
      if (found === 'unauthorized') {
        forgetDeviceToken();
        hub.close();
        setUnregistered(true);
        setToken(null);
        return;
      }
      if (!found) {
        setTimeout(() => live && setReload((n) => n + 1), 3_000); // hub not reachable yet
        return;
      }
      setProfile(found);
      const next = await hub.catalogue(found);
      if (live && next) setCatalogue(next);
    };
    void load();
    return () => {
      live = false;
    };
  }, [hub, reload]);

  // Revoked by the admin: forget the token and show a new pairing code.
  useEffect(() => {
    if (!hub) return;
    const revoked = (notice: { code: string }): void => {
      if (notice.code !== 'device_revoked') return;
      forgetDeviceToken();
      hub.close();
      setProfile(null);
      setCatalogue(null);
      setUnregistered(true);
      setToken(null);
    };
    return hub.client.on('hub:notice', revoked);
  }, [hub]);

  // The admin changed the building: load the services again, without a restart.
  useEffect(() => {
    if (!hub) return;
    return hub.client.on('building:changed', () => setReload((n) => n + 1));
  }, [hub]);

  // Opening and closing change no ticket, so no stats arrive then: look again each minute,
  // so a kiosk left on its first screen turns to the after-hours message at closing time.
  useEffect(() => {
    if (!hub) return;
    const timer = window.setInterval(() => setReload((n) => n + 1), 60_000);
    return () => window.clearInterval(timer);
  }, [hub]);

  useEffect(() => {
    if (!hub) return;
    return hub.client.on('catalogue:stats', (stats) =>
      setCatalogue((c) => (c ? mergeStats(c, stats) : c)),
    );
  }, [hub]);

  const paired = useCallback((next: string): void => {
    storeDeviceToken(next);
    setUnregistered(false);
    setToken(next);
  }, []);
  const refresh = (): void => setReload((n) => n + 1);
  if (unregistered || !hub) return { stage: 'unregistered', paired, refresh };
  if (!profile || !catalogue) return { stage: 'loading', refresh };
  const settings = KioskSettingsSchema.safeParse(profile.settings).data;
  const idleMs = (settings?.idleSeconds ?? 30) * 1_000;
  return { stage: 'ready', hub, profile, catalogue, idleMs, refresh };
}
