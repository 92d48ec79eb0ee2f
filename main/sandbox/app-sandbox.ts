/**
 * The app's sandbox profile: both stand-ins in-process, loaded from `<dataDir>/sandbox-state.json` when a previous
 * session left one (so what was tried survives a restart), else from the deterministic demo preset. The live state
 * is saved back when the session closes. A state file that no longer loads is moved aside, never deleted.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { SandboxRuntime } from '../core/session/sandbox-runtime';
import { generateScenario } from './generator';
import { exportScenario, startSandbox } from './sandbox';
import { writeFileAtomically } from './write-file-atomically';

export const SANDBOX_STATE_FILE = 'sandbox-state.json';
export const APP_SANDBOX_SEED = 7;

function savedScenario(file: string, log: (message: string) => void): unknown {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    const aside = `${file}.unreadable-${Date.now()}`;
    renameSync(file, aside);
    log(
      `sandbox state ${file} was unreadable (${String(error)}); moved to ${aside}, starting from the demo preset`,
    );
    return null;
  }
}

export async function launchAppSandbox(
  dataDir: string,
  log: (message: string) => void = () => undefined,
): Promise<SandboxRuntime> {
  const stateFile = path.join(dataDir, SANDBOX_STATE_FILE);
  const saved = savedScenario(stateFile, log);
  let running;
  try {
    running = await startSandbox({
      scenario: saved ?? generateScenario({ preset: 'demo', seed: APP_SANDBOX_SEED }),
    });
  } catch (error) {
    if (saved === null) throw error;
    const aside = `${stateFile}.invalid-${Date.now()}`;
    renameSync(stateFile, aside);
    log(`sandbox state did not load (${String(error)}); moved to ${aside}, starting from the demo preset`);
    running = await startSandbox({ scenario: generateScenario({ preset: 'demo', seed: APP_SANDBOX_SEED }) });
  }
  const sandbox = running;
  return {
    workos: { baseUrl: sandbox.workos.url, apiKey: sandbox.workos.apiKey },
    gem: { baseUrl: sandbox.gem.url, token: sandbox.gem.tokens.console },
    async close() {
      writeFileAtomically(stateFile, `${JSON.stringify(exportScenario(sandbox))}\n`);
      await sandbox.close();
    },
  };
}
