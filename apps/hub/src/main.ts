import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startHub } from './hub';

const USAGE = `Usage: antre-hub [--port 8080] [--host 127.0.0.1] [--data-dir ./data] [--no-demo]
                 [--trust-proxy 127.0.0.1]
  --trust-proxy         the reverse proxies or load balancers in front of the hub, comma-
                        separated (addresses, CIDR ranges, loopback): their X-Forwarded-For
                        names each client; name only the proxies, not the LAN
  ANTRE_ADMIN_PASSWORD  password for the first admin (otherwise one is generated and printed once)
  ANTRE_DEMO_PASSWORD   password for the demo officers and supervisors`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: './data' },
      'no-demo': { type: 'boolean', default: false },
      'trust-proxy': { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${values.port}"`);
  const hub = await startHub({
    port,
    host: values.host,
    dataDir: resolve(values['data-dir']),
    demo: !values['no-demo'],
    trustProxy: values['trust-proxy']
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    adminPassword: process.env.ANTRE_ADMIN_PASSWORD || undefined,
    demoPassword: process.env.ANTRE_DEMO_PASSWORD || undefined,
  });
  const lines = [
    '',
    `Antre hub is running — database ${hub.dbPath}`,
    hub.firstStart.seeded ? `  First start: seeded the ${hub.firstStart.seeded} building.` : '',
    '',
    `  Home             ${hub.url}/`,
    ...hub.apps
      .filter((m) => m !== '/t/')
      .map((mount) => `  ${(mount.slice(1, -1) + ' app').padEnd(17)}${hub.url}${mount}`),
    hub.apps.includes('/counter/') ? `  Survey tablet    ${hub.url}/counter/#/survei` : '',
    hub.apps.includes('/t/') ? `  Ticket tracking  ${hub.url}/t/<code>` : '',
    `  Printed tickets  ${hub.printedDir} (the demo kiosk's virtual printer)`,
    `  Catalogue (API)  ${hub.url}/api/services`,
    `  Health           ${hub.url}/api/health`,
    `  OpenAPI          ${hub.url}/api/openapi.json`,
    `  Socket.io        ${hub.url}/socket.io/ (protocol in docs/protocol.md)`,
  ];
  if (hub.firstStart.devices.length > 0) {
    lines.push('', '  Demo devices (open each link once on its screen; it remembers the device):');
    for (const d of hub.firstStart.devices)
      lines.push(`    ${d.name.padEnd(34)} ${hub.url}${d.path}`);
  }
  if (hub.firstStart.credentials.length > 0) {
    lines.push('', '  Sign-in made on this first start (shown once, keep it safe):');
    for (const c of hub.firstStart.credentials)
      lines.push(`    ${c.username.padEnd(34)} ${c.password}   (${c.note})`);
  }
  console.log(lines.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n') + '\n');
  const stop = async (): Promise<void> => {
    await hub.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(
    `Antre hub could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
