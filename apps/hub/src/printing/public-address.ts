import type { Site } from '@antre/domain';
import { networkInterfaces } from 'node:os';

type Interfaces = ReturnType<typeof networkInterfaces>;

/** How a device reached the hub: its scheme, its Host header and the hub's port it used. */
export interface SeenAddress {
  scheme: 'http' | 'https';
  host: string | undefined;
  port: number | undefined;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0)$/i;
const HOST_HEADER = /^[A-Za-z0-9.:[\]-]{1,260}$/;

const hostnameOf = (host: string): string => {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return host;
  }
};

export const isLoopbackHost = (host: string): boolean => LOOPBACK.test(hostnameOf(host));

/** The machine's first non-internal IPv4 address: where a phone on the same LAN finds it. */
export function lanAddress(interfaces: Interfaces = networkInterfaces()): string | null {
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal && !isLoopbackHost(entry.address))
        return entry.address;
    }
  }
  return null;
}

/**
 * The origin a visitor's phone opens from the ticket's QR: the admin's public address; else
 * the address the device used if a phone can use it too; else the hub's LAN address on the
 * same port. A kiosk beside the hub sees `127.0.0.1`, which no phone can open.
 */
export function publicHubUrl(site: Site, seen: SeenAddress, lan = lanAddress()): string {
  if (site.publicUrl) return site.publicUrl.replace(/\/+$/, '');
  const host = seen.host && HOST_HEADER.test(seen.host) ? seen.host : undefined;
  if (host && !isLoopbackHost(host)) return `${seen.scheme}://${host}`;
  const port = seen.port ?? portOf(host);
  const defaultPort = seen.scheme === 'https' ? 443 : 80;
  if (lan) return `${seen.scheme}://${lan}${port && port !== defaultPort ? `:${port}` : ''}`;
  // No network at all: the loopback address still works on the kiosk itself.
  return host ? `${seen.scheme}://${host}` : '';
}

function portOf(host: string | undefined): number | undefined {
  if (!host) return undefined;
  try {
    const port = new URL(`http://${host}`).port;
    return port ? Number(port) : undefined;
  } catch {
    return undefined;
  }
}
