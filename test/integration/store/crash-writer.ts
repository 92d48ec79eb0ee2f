/**
 * Child process of crash-safety.test.ts: writes whole pages of members (with their checkpoint) in a loop until it
 * is killed. Batch b is members `b<b>-0 … b<b>-<N-1>` plus the checkpoint `crash.batch = b`, in one transaction.
 * Usage: node crash-writer.cjs <database file> <rows per batch>
 */
import { openStore } from '../../../main/core/store';
import type { Member } from '../../../main/core/store';

const [file, rowsArg] = process.argv.slice(2);
if (file === undefined || rowsArg === undefined)
  throw new Error('usage: crash-writer <file> <rows per batch>');
const rows = Number(rowsArg);

const store = openStore(file);
const stamp = '2026-01-15T12:00:00.000Z';
let batch = Number(store.syncState.get('crash.batch') ?? '0');
let announced = false;

for (;;) {
  batch += 1;
  const page: Member[] = [];
  for (let i = 0; i < rows; i += 1) {
    page.push({
      id: `b${batch}-${i}`,
      teamId: 'team_crash',
      email: `person${i}.batch${batch}@crash.example`,
      firstName: `First${i}`,
      lastName: `Batch${batch}`,
      roleSlug: 'standard',
      status: 'active',
      scimManaged: true,
      directoryUserId: null,
      createdAt: stamp,
      updatedAt: stamp,
    });
  }
  store.members.writePage(page, { generation: batch, key: 'crash.batch', value: String(batch) });
  if (!announced) {
    process.stdout.write('writing\n');
    announced = true;
  }
}
