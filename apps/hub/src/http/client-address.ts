import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';

/**
 * Who sent a request or opened a socket. Directly, its peer's address. Behind a reverse
 * proxy or load balancer every peer is the proxy: with `--trust-proxy` naming it (addresses,
 * CIDR ranges, or `loopback`), the address it puts in X-Forwarded-For is the client's, so the
 * per-address limits, lockouts and the audit trail see each device, not the proxy. A client
 * that is not a trusted proxy cannot choose its address by sending the header itself.
 * Fastify reads requests the same way from the same list (its `trustProxy`, on the same
 * library), so REST and sockets agree.
 */
export function createClientAddress(trustProxy: readonly string[]) {
  const trusted = trustProxy.length > 0 ? proxyAddr.compile([...trustProxy]) : (): boolean => false;
  return {
    addressOf: (request: IncomingMessage): string => proxyAddr(request, trusted),
    /** The scheme the client used: a trusted proxy that ended TLS says so in X-Forwarded-Proto. */
    schemeOf(request: IncomingMessage, secure: boolean): 'http' | 'https' {
      const peer = request.socket.remoteAddress ?? '';
      const forwarded = request.headers['x-forwarded-proto'];
      // The proxy appends what it saw: the last entry, as Fastify's request.protocol reads it.
      const proto = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)
        ?.split(',')
        .at(-1)
        ?.trim();
      if (trusted(peer, 0) && (proto === 'https' || proto === 'http')) return proto;
      return secure ? 'https' : 'http';
    },
  };
}

export type ClientAddress = ReturnType<typeof createClientAddress>;
