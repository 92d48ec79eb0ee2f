/**
 * Run in a child process by no-secret-service.test.ts (bundled with esbuild, keytar left external): exercises the
 * real KeytarSecretStore in whatever keychain environment the parent set up and prints what happened as JSON.
 */
import { isAppError } from '../../../main/core/errors';
import { KeytarSecretStore } from '../../../main/core/secrets/keytar-secret-store';

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return isAppError(error)
      ? { ok: false, code: error.code, message: error.message }
      : { ok: false, code: 'not-an-AppError', message: String(error) };
  }
}

async function main(): Promise<void> {
  const store = new KeytarSecretStore({ statusTimeoutMs: 10_000 });
  const account = 'probe-child/workos';
  const result = {
    set: await attempt(() => store.set(account, 'sk_test_child_probe_value')),
    get: await attempt(() => store.get(account)),
    delete: await attempt(() => store.delete(account)),
    status: await store.status(),
  };
  process.stdout.write(JSON.stringify(result));
}

void main();
