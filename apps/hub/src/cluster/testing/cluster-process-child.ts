// One process of a cluster serving several buildings, for cluster-process.test.ts: started as
// main.ts would start it (`--building` parsed the same way), with the demo building at a
// Monday morning. It says on stdout, one JSON line each, where each building's hub answers
// and each change of its role, with the time, so the test can time a takeover.
import { parseBuildingOption } from '../building-option';
import { startClusterProcess } from '../cluster-process';

const [databaseUrl, buildingOption, dataDir, adminPassword, demoPassword, clockAt] =
  process.argv.slice(2) as [string, string, string, string, string, string];
const say = (line: object): void => console.log(JSON.stringify({ ...line, at: Date.now() }));

const cluster = await startClusterProcess({
  databaseUrl,
  buildings: parseBuildingOption([buildingOption], 0),
  dataDir,
  adminPassword,
  demoPassword,
  clock: () => Number(clockAt),
  report: (event) => {
    if (event.type === 'failed') say({ type: 'failed', building: event.building });
    else if (event.type === 'handing-over') say({ type: 'handing-over', ...event.load });
    else {
      const hub = event.hub;
      say({ type: 'started', building: event.building, url: hub.url, holder: hub.holder });
      void (async () => {
        for (;;) {
          const role = hub.role();
          say({ type: 'role', building: event.building, role });
          await hub.until(role === 'active' ? 'standby' : 'active');
        }
      })();
    }
  },
});
process.on('SIGTERM', () => void cluster.close().then(() => process.exit(0)));
