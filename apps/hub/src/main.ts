import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { ClusterHubOptions } from './cluster/cluster-hub';
import { startClusterHub } from './cluster/cluster-hub';
import { startHub } from './hub';
import type { RegionOptions } from './region/region-server';
import { startRegion } from './region/region-server';

const USAGE = `Usage: antre-hub [--port 8080] [--host 127.0.0.1] [--data-dir ./data] [--no-demo]
                 [--trust-proxy 127.0.0.1] [--database postgres://… --building <key>]
       antre-hub --database postgres://… --region [--port 8090] [--host 127.0.0.1]
  --database            serve the building from PostgreSQL instead of <data-dir>/antre.db: one
                        of the building's hub processes, active while it holds the building's
                        lease, a standby otherwise (docs/deploy.md)
  --building            the building's key on that database, e.g. mpp-kota-bogor
  --region              instead of a building, the regional overview of every building on that
                        database: read-only, at /admin/ for regional admins (docs/deploy.md)
  --trust-proxy         the reverse proxies or load balancers in front of the hub, comma-
                        separated (addresses, CIDR ranges, loopback): their X-Forwarded-For
                        names each client; name only the proxies, not the LAN
  ANTRE_ADMIN_PASSWORD  password for the first admin (otherwise one is generated and printed once)
  ANTRE_DEMO_PASSWORD   password for the demo officers and supervisors
  ANTRE_REGION_ADMIN_PASSWORD  password for the first regional admin (otherwise generated and
                        printed once)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: './data' },
      'no-demo': { type: 'boolean', default: false },
      'trust-proxy': { type: 'string', default: '' },
      database: { type: 'string', default: process.env.ANTRE_DATABASE_URL ?? '' },
      building: { type: 'string', default: process.env.ANTRE_BUILDING ?? '' },
      region: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  // The region's own default, so it can run beside a building hub on one machine.
  const portText = values.port || (values.region ? '8090' : '8080');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${portText}"`);
  const options = {
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
  };
  if (values.region) {
    if (!/^postgres(ql)?:\/\//.test(values.database))
      throw new Error('--region needs --database postgres://…');
    if (values.building) throw new Error('--region shows every building: leave out --building');
    await runRegion({
      databaseUrl: values.database,
      port,
      host: options.host,
      trustProxy: options.trustProxy,
      adminPassword: process.env.ANTRE_REGION_ADMIN_PASSWORD || undefined,
    });
    return;
  }
  if (values.database) {
    if (!/^postgres(ql)?:\/\//.test(values.database))
      throw new Error('--database must be a postgres:// URL');
    if (!values.building) throw new Error('--database needs --building <key>');
    await runClusterHub({ ...options, databaseUrl: values.database, building: values.building });
    return;
  }
  const hub = await startHub(options);
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

/** One process of a cluster: says each change of role; the first to be active prints the URLs. */
async function runClusterHub(options: ClusterHubOptions): Promise<void> {
  const cluster = await startClusterHub(options);
  console.log(
    `\nAntre hub for building ${options.building} on PostgreSQL (${cluster.holder}) at ${cluster.url}\n` +
      `  Health           ${cluster.url}/api/health  (200 while active, 503 while a standby)\n`,
  );
  void (async () => {
    for (;;) {
      const role = cluster.role();
      console.log(`  ${new Date().toISOString()} ${role}`);
      await cluster.until(role === 'active' ? 'standby' : 'active');
    }
  })();
  const stop = async (): Promise<void> => {
    await cluster.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** The regional overview: prints where it is and, on its first start, the admin's password. */
async function runRegion(options: RegionOptions): Promise<void> {
  const region = await startRegion(options);
  const lines = [
    '',
    `Antre regional overview at ${region.url}/admin/ (read-only over every building on the database)`,
    `  Health           ${region.url}/api/health`,
  ];
  const made = region.firstStart.created;
  if (made?.password)
    lines.push(
      '',
      '  Regional admin made on this first start (shown once, keep it safe):',
      `    ${made.username.padEnd(34)} ${made.password}`,
    );
  else if (made)
    lines.push('', `  Regional admin "${made.username}" made with ANTRE_REGION_ADMIN_PASSWORD.`);
  console.log(lines.join('\n') + '\n');
  const stop = async (): Promise<void> => {
    await region.close();
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
