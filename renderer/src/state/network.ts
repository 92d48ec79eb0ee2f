/**
 * Whether actions that reach WorkOS or Gem may run now (design §9). They wait while a sync is running (one run
 * at a time keeps the cache consistent and the rate limits honest) and are off in a read-only console.
 */
import { useConsole } from '../store';
import { useSync } from './sync';

export interface NetworkGate {
  blocked: boolean;
  /** Why the buttons are disabled, for their titles and a visible note. */
  reason: string | null;
}

export function useNetworkGate(): NetworkGate {
  const readOnly = useConsole((s) => s.status?.readOnly ?? false);
  const busy = useSync((s) => s.busy);
  const running = useSync((s) => Object.keys(s.progress).length > 0);
  if (readOnly)
    return { blocked: true, reason: 'The console is read-only (see Status); syncs are disabled.' };
  if (busy || running) return { blocked: true, reason: 'A sync is running; wait for it to finish.' };
  return { blocked: false, reason: null };
}
