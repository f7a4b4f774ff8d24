import type { Building } from '@antre/domain';
import Fastify from 'fastify';
import { join } from 'node:path';
import { adminRoutes } from './admin/admin-routes';
import { createAuditStore } from './audit/audit-store';
import { createAuthStore } from './auth/auth-store';
import { authRoutes } from './auth/auth-routes';
import type { BackupService } from './backup/backup-service';
import { createBackupService } from './backup/backup-service';
import type { VerifyCitizen } from './bookings/booking-service';
import { createBookings } from './bookings/bookings';
import { seedDemoBookings } from './bookings/demo-bookings';
import { loadBuilding } from './building/building-store';
import type { FirstStartReport } from './building/first-start';
import { prepareFirstStart } from './building/first-start';
import { catalogueRoutes } from './catalogue/catalogue-routes';
import { counterRoutes } from './counters/counter-routes';
import { createStaffStore } from './counters/staff-store';
import { openHubDatabase } from './db/hub-database';
import { displayFileRoutes } from './display/display-files';
import { displayRoutes } from './display/display-routes';
import { healthRoutes } from './health/health-routes';
import { appRoutes } from './http/app-routes';
import { homeRoutes } from './http/home-routes';
import type { RouteSpec } from './http/routes';
import { openApiDocument, openApiRoute } from './http/openapi';
import { installErrorHandlers, registerRoutes, watchApiRoutes } from './http/routes';
import { closeSlowConnections, installSecurity, SERVER_TIMEOUTS } from './http/security';
import { logoRoutes } from './logos/logo-routes';
import { createDevicesAdmin } from './pairing/devices-admin';
import { alarmRoutes, createAlarmService } from './notifications/alarm-service';
import { createNotifications } from './notifications/notifications';
import { notifyRoutes } from './notifications/notify-routes';
import { publicHubUrl } from './printing/public-address';
import { createKioskPrinting } from './printing/kiosk-printing';
import { createCommandBus } from './queue/command-bus';
import { openQueueEngine } from './queue/queue-engine';
import type { SocketEventLimits } from './realtime/event-limits';
import { greetWithSnapshot, queueSocketHandlers } from './realtime/queue-socket';
import { registerSocketHandlers } from './realtime/socket-handlers';
import { createSocketServer } from './realtime/socket-server';
import { createClientAddress } from './http/client-address';
import { createReportStore } from './reports/report-store';
import { createChannelReport } from './reports/channel-report';
import { createNotifyReport } from './reports/notify-report';
import { reportRoutes } from './reports/report-routes';
import { createSurveyStore } from './survey/survey-store';
import { kioskSurveyRoutes } from './survey/kiosk-survey-routes';
import { surveyRoutes } from './survey/survey-routes';
import { surveyTabletHandlers } from './survey/survey-tablets';
import { ticketRoutes } from './tickets/ticket-routes';
import { templateRoutes } from './template/template-routes';
import { createTemplateStore } from './template/template-store';

export const HUB_VERSION = '0.1.0';
/** The alarm service reads every printer alert, as the admin would. */
const ALARM_READER = {
  kind: 'user',
  id: 'alarms',
  role: 'admin',
  agencyId: null,
  name: 'alarms',
} as const;

export interface HubOptions {
  /**
   * The folder of the SQLite file, its backups and lock; on PostgreSQL still the hub's own
   * files (printed tickets, board media).
   */
  dataDir: string;
  /**
   * Serve the building from its schema on PostgreSQL instead of the SQLite file, holding its
   * lease at `epoch` (cluster/cluster-hub.ts starts the hub so once it has taken the lease).
   */
  postgres?: { url: string; building: string; epoch: () => number; holder: string };
  port?: number;
  host?: string;
  /** Seed the demo building into an empty database. */
  demo?: boolean;
  /** Seed this building (with demo staff) instead; for benchmarks and trials. */
  seedBuilding?: Building;
  adminPassword?: string | undefined;
  demoPassword?: string | undefined;
  /** The queue's clock; tests pass one to run at a chosen moment of a service day. */
  clock?: () => number;
  /** How often day changes, closing-time expiry and expired pairing codes are checked. */
  tickMs?: number;
  logRequests?: boolean;
  /** Check every REST answer against its contract and answer 500 when it is outside (tests). */
  checkReplies?: boolean;
  /** Where the built web apps are (apps/<name>/dist); defaults to this repository's apps/. */
  appsDir?: string;
  /** Online backups into <dataDir>/backups: how often (0 = only at shutdown) and for how long. */
  backupIntervalMs?: number;
  backupKeepDays?: number;
  /**
   * Reverse proxies or load balancers in front of the hub (addresses, CIDR ranges,
   * `loopback`): their X-Forwarded-For names the client (http/client-address.ts). None by default.
   */
  trustProxy?: readonly string[];
  /** Events a socket may send (realtime/event-limits.ts); a fuzz test raises them. */
  socketEventLimits?: SocketEventLimits;
  /**
   * Antrean online: checks a citizen's NIK and name (e.g. against Dukcapil) before a booking
   * is made. The default accepts every plausible NIK. It receives the NIK in clear: it must
   * neither log nor keep it.
   */
  verifyCitizen?: VerifyCitizen;
  /** The notification worker: one attempt's limit and how often due retries are looked for. */
  notify?: {
    attemptTimeoutMs?: number;
    pollMs?: number;
    backoffBaseMs?: number;
    alarmEveryMs?: number;
  };
}

export interface RunningHub {
  url: string;
  port: number;
  /** The SQLite file, or on PostgreSQL the server, database and schema. */
  dbPath: string;
  firstStart: FirstStartReport;
  /** SQLite's online backups; null on PostgreSQL, which is backed up by its own tools. */
  backups: BackupService | null;
  /** The mounts of the web apps served, e.g. /counter/. */
  apps: string[];
  /** Where virtual printers (the demo kiosks') write tickets: .bin bytes and .svg previews. */
  printedDir: string;
  /** What the tick does (day change, expiries), now: a test that moved the clock calls it. */
  runHousekeeping: () => Promise<void>;
  /** Group commit so far: batches saved, their commands, the largest batch. */
  batchStats: () => { batches: number; commands: number; largest: number };
  close: () => Promise<void>;
}

/**
 * Requests are checked with zod against the REST contract (http/routes.ts), never with
 * Fastify's JSON schemas: its ajv and serializer compilers are left unloaded (~0.1 s of every
 * start, and their memory), and a route that brings a schema fails loudly at registration.
 */
const noJsonSchema = (): never => {
  throw new Error('Antre routes validate with zod (http/routes.ts), not Fastify JSON schemas');
};
const NO_JSON_SCHEMA = { buildValidator: noJsonSchema, buildSerializer: noJsonSchema };

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const startedAt = Date.now();
  const database = await openHubDatabase(options);
  const { sql, storage } = database;
  // What listens once the port is bound: a start that fails after that (a cluster process
  // fenced while starting) must free the port, or a half-started hub answers on it.
  let stopListening: (() => Promise<void>) | null = null;
  try {
    const auth = createAuthStore(sql);
    const firstStart = await prepareFirstStart(sql, auth, {
      demo: options.demo ?? true,
      building: options.seedBuilding,
      adminPassword: options.adminPassword,
      demoPassword: options.demoPassword,
    });
    const building = await loadBuilding(sql);
    if (!building) throw new Error('The database has no building configuration');
    // The demo's bookings are for the queue's day (a test's day, not the wall's).
    if (firstStart.seeded === 'demo' && !options.seedBuilding)
      await seedDemoBookings(sql, building, (options.clock ?? Date.now)());
    const engine = await openQueueEngine(storage, building, options.clock ?? Date.now);
    const commands = createCommandBus(engine, storage);

    // Work the hub starts without waiting for it (housekeeping, a day's aggregation): close()
    // lets it finish before the database closes.
    const background = new Set<Promise<unknown>>();
    const inBackground = (work: Promise<unknown>): void => {
      background.add(work);
      void work.then(() => background.delete(work));
    };

    const reports = await createReportStore(sql);
    // A day is over once the next begins: aggregate it for the reports while it is fresh. A
    // failure is only logged: the days left are aggregated when a report asks for them.
    engine.onNewDay((today) => {
      inBackground(
        reports
          .ensureAggregated(
            '0000-01-01',
            today.serviceDay,
            today.serviceDay,
            engine.index,
            engine.now(),
          )
          .catch((error: unknown) =>
            console.error('Aggregating closed days for reports failed', error),
          ),
      );
    });

    const trustProxy = options.trustProxy ?? [];
    const app = Fastify({
      // A booking's NIK may come as ?nik=: it never reaches the log.
      logger: options.logRequests ? { serializers: { req: requestForLog } } : false,
      bodyLimit: 256 * 1024,
      ...SERVER_TIMEOUTS,
      schemaController: { compilersFactory: NO_JSON_SCHEMA },
      // request.ip and request.protocol from the proxies named, as sockets (client-address.ts).
      trustProxy: trustProxy.length > 0 ? [...trustProxy] : false,
    });
    installErrorHandlers(app);
    const checkApiRoutes = watchApiRoutes(app);
    await installSecurity(app);
    closeSlowConnections(app.server);
    const templates = createTemplateStore(sql);
    const printing = createKioskPrinting({
      sql,
      engine,
      store: storage,
      commands,
      dataDir: options.dataDir,
      templateOf: templates.current,
    });
    let listeningPort = options.port ?? 8080;
    const notifications = await createNotifications({
      sql,
      engine,
      publicUrl: () =>
        publicHubUrl(engine.index.site, { scheme: 'http', host: undefined, port: listeningPort }),
      attemptTimeoutMs: options.notify?.attemptTimeoutMs,
      pollMs: options.notify?.pollMs,
      backoffBaseMs: options.notify?.backoffBaseMs,
    });
    const alarms = createAlarmService({
      sql,
      engine,
      notifications,
      printerAlerts: () => printing.alerts.openFor(ALARM_READER),
      everyMs: options.notify?.alarmEveryMs,
    });
    const bookings = createBookings({
      sql,
      engine,
      printing: printing.service,
      verifyCitizen: options.verifyCitizen,
      onChanged: notifications.bookingMessages.changed,
    });
    const admin = adminRoutes({
      sql,
      engine,
      auth,
      audit: createAuditStore(sql),
      // Bookings the new building strands are cancelled in the save's transaction.
      onBuildingSaved: bookings.strand,
    });
    const surveys = createSurveyStore(sql);
    const devicesAdmin = createDevicesAdmin({
      sql,
      auth,
      now: () => engine.now(),
      building: () => engine.index.building,
      audit: createAuditStore(sql),
      dataDir: options.dataDir,
      templateOf: templates.current,
    });
    const routes: RouteSpec[] = [
      ...healthRoutes({
        sql,
        dbPath: database.describe,
        engine,
        version: HUB_VERSION,
        startedAt,
        cluster: options.postgres,
      }),
      ...authRoutes(auth, sql, () => engine.index.building),
      ...catalogueRoutes(engine),
      ...ticketRoutes(engine, storage, commands),
      ...printing.routes,
      ...devicesAdmin.routes,
      ...admin.routes,
      ...surveyRoutes(engine, storage, surveys, reports),
      ...kioskSurveyRoutes(engine, surveys),
      ...reportRoutes(
        engine,
        reports,
        createChannelReport(sql),
        createNotifyReport(notifications.store),
      ),
      ...counterRoutes(engine, createStaffStore(sql)),
      ...displayRoutes(engine, options.dataDir),
      ...templateRoutes({ sql, engine, audit: createAuditStore(sql), templates }),
      ...bookings.routes,
      ...notifyRoutes(engine, notifications),
      ...alarmRoutes(alarms),
      ...displayFileRoutes(options.dataDir),
      ...logoRoutes(engine),
    ];
    // Written on the first request, not at start: turning every schema into JSON Schema
    // takes a quarter of a second the hub does not need to restart.
    let openApi: object | undefined;
    routes.push(openApiRoute(() => (openApi ??= openApiDocument(routes, HUB_VERSION))));
    registerRoutes(app, routes, auth, { checkReplies: options.checkReplies });
    const apps = await appRoutes(app, options.appsDir);
    homeRoutes(app, () => engine.index.building.site.name, apps);
    checkApiRoutes(routes);

    const { io, feeds } = await createSocketServer(app.server, {
      engine,
      store: storage,
      auth,
      client: createClientAddress(trustProxy),
    });
    registerSocketHandlers(io, {
      auth,
      eventLimits: options.socketEventLimits,
      greet: [greetWithSnapshot(engine, feeds), devicesAdmin.greet, alarms.greet],
      handlers: [
        queueSocketHandlers({ engine, store: storage, commands, feeds }),
        printing.socketHandlers,
        surveyTabletHandlers(engine, surveys),
      ],
    });
    printing.attach(io);
    devicesAdmin.attach(io, feeds);
    admin.attach(io);
    alarms.attach(io);
    stopListening = async () => {
      await io.close();
      await app.close();
    };
    await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
    listeningPort = port;
    await notifications.start();
    alarms.start();
    // SQLite's online backups; PostgreSQL is backed up by its own tools (docs/deploy.md).
    const backups = database.db
      ? createBackupService(database.db, {
          dir: join(options.dataDir, 'backups'),
          keepDays: options.backupKeepDays ?? 14,
          intervalMs: options.backupIntervalMs ?? 60 * 60_000,
        })
      : null;
    const runHousekeeping = async (): Promise<void> => {
      await engine.tick();
      await devicesAdmin.tick();
      await bookings.tick();
      await notifications.tick();
    };
    const tick = setInterval(() => {
      inBackground(
        runHousekeeping().catch((error: unknown) => console.error('Housekeeping failed', error)),
      );
    }, options.tickMs ?? 30_000);
    tick.unref();

    return {
      url: `http://${options.host === '0.0.0.0' || !options.host ? '127.0.0.1' : options.host}:${port}`,
      port,
      dbPath: database.describe,
      firstStart,
      backups,
      apps,
      printedDir: printing.printedDir,
      runHousekeeping,
      batchStats: engine.batchStats,
      close: async () => {
        clearInterval(tick);
        await notifications.stop();
        await alarms.stop();
        feeds.stop();
        await io.close();
        // Closing the sockets noted each device leaving: written before the database closes.
        await devicesAdmin.settled();
        await app.close();
        await backups?.stop();
        // Commands decided are saved and answered, not dropped; a process whose lease was
        // taken over cannot save them (fenced), and says so.
        await engine
          .flush()
          .catch((error: unknown) =>
            console.error('Commands decided at shutdown not saved', error),
          );
        // Work that ends may start more (a tick that changes the day aggregates it).
        while (background.size > 0) await Promise.all(background);
        await database.close();
      },
    };
  } catch (error) {
    await stopListening?.().catch((closing: unknown) => console.error(closing));
    await database.close();
    throw error;
  }
}

/** Fastify's request line for the log, with a NIK in the query replaced. */
function requestForLog(request: { method: string; url: string; ip: string }) {
  return {
    method: request.method,
    url: request.url.replace(/([?&]nik=)[^&]*/gi, '$1[hidden]'),
    remoteAddress: request.ip,
  };
}
