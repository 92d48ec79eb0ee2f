/**
 * A tiny request/answer protocol between a benchmark and the worker threads it starts (the sandbox thread and the
 * sync thread): `call(type, payload)` on the benchmark's side, `serveRpc(handlers)` in the worker; workers can
 * also push events (`emit`). Both ends live in this folder, so payload types are shared by convention.
 */
import { parentPort, type Worker } from 'node:worker_threads';

interface Request {
  kind: 'request';
  id: number;
  type: string;
  payload: unknown;
}

type Answer =
  | { kind: 'answer'; id: number; ok: true; result: unknown }
  | { kind: 'answer'; id: number; ok: false; error: string };

interface PushedEvent {
  kind: 'event';
  event: string;
  data: unknown;
}

type WorkerMessage = Answer | PushedEvent;

function isWorkerMessage(value: unknown): value is WorkerMessage {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

export class ThreadClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, ((data: unknown) => void)[]>();
  private failure: Error | null = null;

  constructor(
    readonly worker: Worker,
    private readonly label: string,
  ) {
    worker.on('message', (message: unknown) => {
      if (!isWorkerMessage(message)) return;
      if (message.kind === 'event') {
        for (const listener of this.listeners.get(message.event) ?? []) listener(message.data);
        return;
      }
      const waiting = this.pending.get(message.id);
      if (waiting === undefined) return;
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(new Error(`${label}: ${message.error}`));
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => fail(new Error(`${label} crashed: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`${label} exited (code ${code})`)));
  }

  /** Sends a request; resolves with the worker's answer (typed by the caller: both sides are in this folder). */
  call<T>(type: string, payload?: unknown): Promise<T> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as T), reject });
      const request: Request = { kind: 'request', id, type, payload };
      this.worker.postMessage(request);
    });
  }

  /** Resolves with the first `event` the worker pushes. */
  once<T>(event: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.failure !== null) {
        reject(this.failure);
        return;
      }
      const onExit = () => reject(this.failure ?? new Error(`${this.label} stopped`));
      this.worker.once('exit', onExit);
      this.on(event, (data) => {
        this.worker.off('exit', onExit);
        resolve(data as T);
      });
    });
  }

  on(event: string, listener: (data: unknown) => void): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}

export type Handlers = Record<string, (payload: unknown) => unknown>;

/** Inside a worker: answers requests with `handlers`; returns `emit` for pushed events. */
export function serveRpc(handlers: Handlers): { emit(event: string, data: unknown): void } {
  const port = parentPort;
  if (port === null) throw new Error('serveRpc must run inside a worker thread');
  port.on('message', (message: unknown) => {
    if (typeof message !== 'object' || message === null || !('kind' in message)) return;
    const request = message as Request;
    if (request.kind !== 'request') return;
    const handler = handlers[request.type];
    void (async () => {
      let answer: Answer;
      try {
        if (handler === undefined) throw new Error(`unknown request "${request.type}"`);
        answer = { kind: 'answer', id: request.id, ok: true, result: await handler(request.payload) };
      } catch (error) {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        answer = { kind: 'answer', id: request.id, ok: false, error: text };
      }
      port.postMessage(answer);
    })();
  });
  return {
    emit: (event, data) => {
      const pushed: PushedEvent = { kind: 'event', event, data };
      port.postMessage(pushed);
    },
  };
}
