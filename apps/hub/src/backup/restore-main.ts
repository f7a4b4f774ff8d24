import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MIGRATIONS_DIR } from '../hub';
import { listBackups } from './backup-service';
import { restoreBackup } from './restore';

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
  const { replaced } = restoreBackup(from, dataDir, MIGRATIONS_DIR);
  console.log(
    `Restored ${from} into ${dataDir}/antre.db${replaced ? `; the previous file is kept as ${replaced}` : ''}.`,
  );
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}. Nothing was changed.`);
  process.exit(1);
}
