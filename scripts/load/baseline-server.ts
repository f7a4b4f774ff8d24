import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Server } from 'socket.io';

/**
 * The floor the hub is measured against: socket.io plus one synchronous=FULL SQLite write
 * per command and an emit to one room, with none of Antre's rules, auth or views. It knows
 * `ticket:issue` and `counter:call-next` only (one queue for the building), which is all the
 * client workers send it, one at a time or many ('issue-many', 'call-many', 'call-rate').
 */
export async function startBaseline(
  dataDir: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const db = new Database(join(dataDir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, service TEXT, status TEXT, at INTEGER)',
  );
  // Without it the next waiting ticket is found by reading past every ticket called today:
  // 1.3 ms a call after 20,000, a floor that sinks as the day (or a rate ramp) goes on.
  db.exec("CREATE INDEX IF NOT EXISTS waiting ON tickets (id) WHERE status = 'waiting'");
  const insert = db.prepare("INSERT INTO tickets (service, status, at) VALUES (?, 'waiting', ?)");
  const next = db.prepare("SELECT id FROM tickets WHERE status = 'waiting' ORDER BY id LIMIT 1");
  const call = db.prepare("UPDATE tickets SET status = 'called' WHERE id = ?");
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  io.on('connection', (socket) => {
    const zone = (socket.handshake.auth as { zone?: string }).zone;
    if (zone) void socket.join(`zone:${zone}`);
    socket.on('ticket:issue', (payload: { serviceId: string }, ack: (r: unknown) => void) => {
      const id = Number(insert.run(payload.serviceId, Date.now()).lastInsertRowid);
      ack({ ok: true, value: { tickets: [{ id: String(id) }], counters: [] } });
    });
    socket.on(
      'counter:call-next',
      (payload: { counterId: string; zoneId?: string }, ack: (r: unknown) => void) => {
        const row = next.get() as { id: number } | undefined;
        if (!row) return ack({ ok: false, error: { code: 'queue_empty', message: '' } });
        call.run(row.id);
        io.to(`zone:${payload.zoneId ?? ''}`).emit('sync:delta', {
          calls: [{ ticketId: String(row.id) }],
        });
        ack({ ok: true, value: { tickets: [{ id: String(row.id) }], counters: [] } });
      },
    );
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await io.close();
      db.close();
    },
  };
}
