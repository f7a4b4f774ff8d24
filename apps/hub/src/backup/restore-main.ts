import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MIGRATIONS_DIR } from '../paths';
import { listBackups } from './backup-service';
import { restoreBackup } from './restore';
import type { NumberingCarried } from './restore-numbering';

// npm run restore -- [--data-dir ./data] [--from FILE | --latest | --list]
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: './data' },
    from: { type: 'string' },
    latest: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
  },
});
const dataDir = resolve(values['data-dir']);
const backups = listBackups(resolve(dataDir, 'backups'));
if (values.list || (!values.from && !values.latest)) {
  console.log(
    backups.length
      ? backups
          .map((b) => `${new Date(b.takenAt).toISOString()}  ${b.reason.padEnd(9)}  ${b.path}`)
          .join('\n')
      : 'No backups yet.',
  );
  if (!values.list) console.log('\nRestore with --from FILE or --latest (stop the hub first).');
  process.exit(0);
}
const from = values.from ? resolve(values.from) : backups.at(-1)?.path;
if (!from) {
  console.error('No backup to restore.');
  process.exit(1);
}
try {
  const { replaced, numbering } = await restoreBackup(from, dataDir, MIGRATIONS_DIR);
  console.log(
    `Restored ${from} into ${dataDir}/antre.db${replaced ? `; the previous file is kept as ${replaced}` : ''}.`,
  );
  console.log(describeNumbering(numbering));
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}. Nothing was changed.`);
  process.exit(1);
}

function describeNumbering(carried: NumberingCarried): string {
  const list = (days: { serviceId: string; serviceDay: string; lastNumber: number }[]) =>
    days.map((d) => `  ${d.serviceDay}  ${d.serviceId}  last number ${d.lastNumber}`).join('\n');
  if (carried.from === 'nothing') return "There was no database before: numbering is the backup's.";
  if (carried.from === 'unreadable')
    return `WARNING: the previous database could not be read (${carried.reason}), so numbers issued after the backup may be issued again today.`;
  const lines = [
    carried.raised.length
      ? `Numbering kept ahead of what the previous database had issued:\n${list(carried.raised)}`
      : "The backup's numbering is already ahead of the previous database.",
  ];
  if (carried.dropped.length)
    lines.push(
      `WARNING: these services are not in the backup, so their numbering could not be kept:\n${list(carried.dropped)}`,
    );
  return lines.join('\n');
}
