// A hub process reduced to what the fencing test needs: it takes a building's lease, keeps it
// with the lease keeper, and writes a row under its epoch every few milliseconds, each in a
// fenced transaction held open 200 ms after its insert (it says "holding" then, so the test can
// pause it inside one). It goes on trying after it is fenced, as a process that woke up after
// a takeover would, and says on stdout what happened to each write: "wrote", "fenced", "error".
import { setTimeout as sleep } from 'node:timers/promises';
import { openPgBuilding } from '../../db/pg/pg-database';
import { createLeaseKeeper, FencedError, fencedTransaction } from '../lease';

const [url, building] = process.argv.slice(2) as [string, string];
const db = openPgBuilding(url, building, { idleInTransactionMs: 1000 });
let epoch: number | null = null;
const keeper = createLeaseKeeper({
  pool: db.pool,
  building,
  holder: `paused-writer ${process.pid}`,
  ttlMs: 1500,
  onActive: (e) => {
    epoch = e;
    console.log(`active ${e}`);
  },
  onLost: (reason) => console.log(`lost ${reason}`),
});
keeper.start();
while (epoch === null) await sleep(10);
const mine = epoch;
for (;;) {
  try {
    await fencedTransaction(db.pool, building, mine, async (client) => {
      await client.query('INSERT INTO fence_probe (epoch) VALUES ($1)', [mine]);
      console.log('holding');
      await sleep(200);
    });
    console.log('wrote');
  } catch (error) {
    console.log(error instanceof FencedError ? 'fenced' : `error ${(error as Error).message}`);
  }
  await sleep(10);
}
