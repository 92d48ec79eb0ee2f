/**
 * The host side of the core worker: starts the worker, sends calls, routes results and push events.
 * Used unchanged by the Electron main process, the web host and the CLI.
 */
import { Worker } from 'node:worker_threads';
import type { CallName, EventName, Result } from '../../preload/api';
import { isEventName } from '../../preload/api';
import type { CoreToHost, CoreWorkerData, HostToCore } from '../core/protocol';

export interface CoreClient {
  call(name: CallName, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

export interface StartCoreOptions extends CoreWorkerData {
  /** Path of the built worker bundle (dist/main/core-worker.js). */
  workerFile: string;
  /** Where the core's log lines go; stderr by default. */
  onLog?: (message: string) => void;
}

export async function startCore(options: StartCoreOptions): Promise<CoreClient> {
  const { workerFile, onLog, ...workerData } = options;
  const log = onLog ?? ((message: string) => process.stderr.write(`[core] ${message}\n`));
  const worker = new Worker(workerFile, { workerData });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  let nextId = 1;
  let closed = false;

  const failAll = (message: string): void => {
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'internal', message, retryable: true } });
    }
    pending.clear();
  };

  const ready = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', function onReady(message: CoreToHost) {
      if (message.kind === 'ready') {
        worker.off('message', onReady);
        worker.off('error', reject);
        resolve();
      }
    });
  });

  worker.on('message', (message: CoreToHost) => {
    if (message.kind === 'result') {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.result);
    } else if (message.kind === 'log') {
      log(message.message);
    } else if (message.kind === 'event' && isEventName(message.name)) {
      for (const listener of listeners) listener(message.name, message.payload);
    }
  });
  worker.on('error', (error) => failAll(`The core stopped unexpectedly: ${error.message}`));
  worker.on('exit', () => {
    closed = true;
    failAll('The core is not running.');
  });

  await ready;

  return {
    call(name, input) {
      if (closed)
        return Promise.resolve({
          ok: false,
          error: { code: 'internal', message: 'The core is not running.', retryable: false },
        });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        const message: HostToCore = { kind: 'call', id, name, input };
        worker.postMessage(message);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      const done = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ kind: 'shutdown' } satisfies HostToCore);
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await done;
      clearTimeout(timer);
    },
  };
}
