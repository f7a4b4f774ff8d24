import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { parseBuildingOption } from './cluster/building-option';
import type { ClusterHub } from './cluster/cluster-hub';
import { newHolder } from './cluster/cluster-hub';
import type { ClusterProcessOptions } from './cluster/cluster-process';
import { startClusterProcess } from './cluster/cluster-process';
import { startHub } from './hub';
import type { RegionOptions } from './region/region-server';
import { startRegion } from './region/region-server';

const USAGE = `Usage: antre-hub [--port 8080] [--host 127.0.0.1] [--data-dir ./data] [--no-demo]
                 [--trust-proxy 127.0.0.1]
                 [--database postgres://… --building <key>[=<port>][,<key>=<port>…]]
       antre-hub --database postgres://… --region [--port 8090] [--host 127.0.0.1]
  --database            serve buildings from PostgreSQL instead of <data-dir>/antre.db: for each,
                        this process is one of its hub processes, active while it holds the
                        building's lease, a standby otherwise (docs/deploy.md)
  --building            the buildings' keys on that database, each with its port, e.g.
                        mpp-bogor=8080,mpp-cibinong=8081 (or --building repeated); a key without
                        =port is served on --port. Each building's files are in <data-dir>/<key>
  --region              instead of buildings, the regional overview of every building on that
                        database: read-only, at /admin/ for regional admins (docs/deploy.md)
  --trust-proxy         the reverse proxies or load balancers in front of the hub, comma-
                        separated (addresses, CIDR ranges, loopback): their X-Forwarded-For
                        names each client; name only the proxies, not the LAN
  PORT, ANTRE_DATABASE_URL, ANTRE_BUILDING   defaults of --port, --database and --building
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
      building: { type: 'string', multiple: true },
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
    const given =
      values.building ?? (process.env.ANTRE_BUILDING ? [process.env.ANTRE_BUILDING] : []);
    if (given.length === 0) throw new Error('--database needs --building <key>');
    const buildings = parseBuildingOption(given, port);
    await runClusterProcess({ ...options, databaseUrl: values.database, buildings });
    return;
  }
  if (values.building) throw new Error('--building needs --database postgres://…');
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

/**
 * One process of a cluster: says where each building is served, each change of its role, the
 * sign-in a building's first start made, and a building handed over or that could not start.
 */
async function runClusterProcess(options: ClusterProcessOptions): Promise<void> {
  const say = (building: string, line: string): void =>
    console.log(`  ${new Date().toISOString()} ${building.padEnd(24)} ${line}`);
  const holder = newHolder();
  console.log(
    `\nAntre hub on PostgreSQL, as ${holder}: each building active while this process holds its\n` +
      `lease (/api/health 200), a standby otherwise (503)\n`,
  );
  const cluster = await startClusterProcess({
    ...options,
    holder,
    report: (event) => {
      if (event.type === 'started') {
        say(event.building, `at ${event.hub.url} (health: ${event.hub.url}/api/health)`);
        void followRoles(event.building, event.hub);
      } else if (event.type === 'failed') {
        const why = event.error instanceof Error ? event.error.message : String(event.error);
        say(event.building, `could not start: ${why}; trying again in ${event.retryInMs / 1000} s`);
      } else {
        say(
          event.building,
          `handing over: this process holds ${event.load.mine} leases, a standby ${event.load.least}`,
        );
      }
    },
  });
  const stop = async (): Promise<void> => {
    await cluster.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  async function followRoles(building: string, hub: ClusterHub): Promise<void> {
    for (;;) {
      const role = hub.role();
      say(building, role);
      const credentials = hub.hub()?.firstStart.credentials ?? [];
      for (const c of role === 'active' ? credentials : [])
        say(building, `first start made ${c.username}: ${c.password} (${c.note}; shown once)`);
      await hub.until(role === 'active' ? 'standby' : 'active');
    }
  }
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
