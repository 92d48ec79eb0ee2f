/** What the user should be told about how the profile's cache was opened. */
import type { StoreOpenReport } from '../store';

export function storeNotices(report: StoreOpenReport): string[] {
  const notices: string[] = [];
  if (report.movedAside) {
    notices.push(
      `The local cache was unreadable (${report.movedAside.reason}); it was moved aside (${report.movedAside.files.length} file(s), nothing deleted) and a fresh cache was started. A sync refills it.`,
    );
  }
  if (report.uncleanShutdown && report.quickCheck) {
    notices.push(
      report.quickCheck.ok
        ? 'The console did not shut down cleanly last time; the cache was checked and is intact.'
        : `The console did not shut down cleanly last time and the cache check reported: ${report.quickCheck.messages.slice(0, 3).join('; ')}`,
    );
  }
  if (report.migration.applied.length > 0 && report.migration.backupFile) {
    notices.push(
      `The cache was upgraded to schema ${report.migration.toVersion}; a backup of the old one was kept.`,
    );
  }
  return notices;
}
