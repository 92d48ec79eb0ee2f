/** The sync engine (design §6) and its scheduler. */
export { createSyncEngine, DEFAULT_EVENT_RETENTION_MS } from './engine';
export type { SyncEngine, SyncEngineOptions } from './engine';
export { createSyncScheduler } from './scheduler';
export type { SyncScheduler, SyncSchedulerOptions } from './scheduler';
export { createProgressThrottle } from './progress-throttle';
export { SYNC_EVENT_FILTER } from './apply-event';
export { inferDirectory, guessDefaultRole, defaultRoleKey } from './directory-inference';
export type { DirectoryInference } from './directory-inference';
export type * from './types';
