import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What a page of the hub may load. The apps are built by vite into files the hub serves: no
 * inline script, so scripts come only from the hub. socket.io talks to the same hub (ws: for
 * browsers that do not count it as 'self'); QR codes, logo previews and downloads use data:
 * and blob: URLs; the display plays media and voice clips from the hub.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'ws:', 'wss:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // No page of the hub is meant to be shown inside another: a framed admin or counter page
  // could be click-jacked.
  'frame-ancestors': ["'none'"],
};

/**
 * Security headers on every answer, pages and API alike, and the per-address limiter that
 * routes opt into (`rateLimit` in their spec). Register before any route.
 */
export async function installSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // The hub is plain HTTP on the building's network: no upgrade to HTTPS, no HSTS.
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
    // Tracking links carry the ticket's secret in their address: never pass it on.
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(rateLimit, { global: false });
}

/**
 * A connection that sends nothing, or its headers a byte at a time, is closed instead of held
 * forever. socket.io's long-polling holds a GET for up to its 25 s ping interval, so an idle
 * limit of 40 s never cuts a live poll; a websocket, once upgraded, is not under these limits
 * (socket.io's own 25 s ping finds a dead one).
 */
export const SERVER_TIMEOUTS = {
  connectionTimeout: 40_000, // a socket silent this long is closed
  keepAliveTimeout: 10_000, // between requests on a kept-alive connection
  requestTimeout: 120_000, // the whole request, body included (a media upload on a slow link)
  http: { headersTimeout: 15_000, connectionsCheckingInterval: 5_000 },
};

/**
 * Node's own header and idle checks stop closing new connections once a socket.io websocket is
 * open on the server (seen with Node 20 and socket.io 4.8), so the hub keeps its own: a
 * connection that has not sent a whole request's headers within the header limit is closed.
 */
export function closeSlowConnections(
  server: Server,
  headersTimeoutMs = SERVER_TIMEOUTS.http.headersTimeout,
): void {
  const waiting = new Map<Socket, NodeJS.Timeout>();
  const arrived = (socket: Socket) => {
    clearTimeout(waiting.get(socket));
    waiting.delete(socket);
  };
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), headersTimeoutMs);
    timer.unref();
    waiting.set(socket, timer);
    socket.once('close', () => arrived(socket));
  });
  server.on('request', (request: { socket: Socket }) => arrived(request.socket));
  server.on('upgrade', (request: { socket: Socket }) => arrived(request.socket));
}
