import type { DeviceSummary, PairingChanged } from '@antre/protocol';
import type { Principal } from '../auth/principal';
import type { FeedPublisher } from '../realtime/feed-publisher';
import { feedsOf, roomsFor } from '../realtime/rooms';
import { cutSocket, DEVICE_REVOKED } from '../realtime/socket-cut';
import type { Io } from '../realtime/socket-server';

type DevicePrincipal = Extract<Principal, { kind: 'device' }>;

/**
 * A device's open sockets, told about changes to it while they stay connected: a new place
 * moves them between rooms at once, a revocation cuts them, and the admin's list hears both.
 */
export function createDeviceSockets() {
  let io: Io | null = null;
  let feeds: FeedPublisher | null = null;

  const socketsOf = (deviceId: string) =>
    [...(io?.of('/').sockets.values() ?? [])].filter(
      (s) => s.data.principal.kind === 'device' && s.data.principal.id === deviceId,
    );

  return {
    attach(server: Io, publisher: FeedPublisher | null): void {
      io = server;
      feeds = publisher;
    },

    /**
     * Swaps in the device's new principal, leaves the rooms it no longer has and joins the
     * new ones, sends a snapshot of its new feeds, then `building:changed` so the app
     * refetches its settings — no restart, no reconnect.
     */
    refresh(next: DevicePrincipal, at: number): void {
      for (const socket of socketsOf(next.id)) {
        const before = roomsFor(socket.data.principal);
        const after = roomsFor(next);
        for (const room of before) if (!after.includes(room)) void socket.leave(room);
        void socket.join(after);
        socket.data.principal = next;
        socket.data.feeds = feedsOf(after);
        if (feeds && socket.data.feeds.length > 0)
          socket.emit('sync:snapshot', feeds.snapshotFor(socket.data.feeds));
        socket.emit('building:changed', { at, action: 'device.update' });
      }
    },

    /**
     * Cuts the device's sockets now, for good. The notice comes first, so the app can forget its
     * token and show the pairing code again.
     */
    disconnect(deviceId: string): void {
      for (const socket of socketsOf(deviceId)) cutSocket(socket, DEVICE_REVOKED, 'for-good');
    },

    /** Tells the admins' screens how a device is now. */
    status(device: DeviceSummary): void {
      io?.to('site').emit('device:status', device);
    },

    /** Only the admin pairs devices, so only the `site` room hears of pairing requests. */
    pairingChanged(change: PairingChanged): void {
      io?.to('site').emit('pairing:changed', change);
    },

    /** Boards refetch their settings and media list. */
    boardsChanged(at: number, action: string): void {
      for (const socket of io?.of('/').sockets.values() ?? []) {
        const { principal } = socket.data;
        if (principal.kind === 'device' && principal.role === 'display')
          socket.emit('building:changed', { at, action });
      }
    },
  };
}

export type DeviceSockets = ReturnType<typeof createDeviceSockets>;
