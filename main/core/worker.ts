/**
 * Entry point of the core worker thread (node:worker_threads), started by every host.
 * better-sqlite3 is synchronous: running the core here keeps long transactions off the host's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { launchAppSandbox } from '../sandbox/app-sandbox';
import { createCore } from './core';
import type { CoreToHost, CoreWorkerData, HostToCore } from './protocol';

const port = parentPort;
if (!port) throw new Error('main/core/worker.ts must run in a worker thread.');

const post = (message: CoreToHost): void => port.postMessage(message);
const log = (message: string): void => post({ kind: 'log', message });

// The worker entry composes the core with the in-process sandbox used by the sandbox profile.
const core = await createCore(
  workerData as CoreWorkerData,
  (name, payload) => post({ kind: 'event', name, payload }),
  log,
  { launchSandbox: (dataDir) => launchAppSandbox(dataDir, log) },
);

port.on('message', (message: HostToCore) => {
  if (typeof message !== 'object' || message === null) return;
  if (message.kind === 'shutdown') {
    void core.close().finally(() => {
      post({ kind: 'closed' });
      port.close();
    });
    return;
  }
  if (message.kind === 'call') {
    // The dispatcher turns every failure into a Result; the catch is the last line of defence for the worker.
    void Promise.resolve()
      .then(() => core.dispatch(message.name, message.input))
      .catch(() => ({
        ok: false as const,
        error: {
          code: 'internal' as const,
          message: 'The core could not handle that call.',
          retryable: false,
        },
      }))
      .then((result) => post({ kind: 'result', id: message.id, result }));
  }
});

post({ kind: 'ready' });
