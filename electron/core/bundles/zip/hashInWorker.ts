import { Worker } from 'node:worker_threads';

// The sha256 of the bundle's large files (videos) is computed on a worker thread while the main
// thread streams the same files into the zip, so hashing costs no extra time on a multi-core
// machine. Eval'd source: the worker needs no build step under tsx, vitest or electron-vite alike.
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
parentPort.on('message', async ({ id, file }) => {
  try {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk);
      size += chunk.length;
    }
    parentPort.postMessage({ id, sha256: hash.digest('hex'), size });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

export interface FileHash {
  sha256: string;
  size: number;
}

/**
 * Hashes files one after another on one worker thread, started on the first file (starting a thread
 * costs tens of milliseconds, and most exports hash nothing big); stops when `signal` aborts.
 */
export class FileHasher {
  private worker: Worker | null = null;
  private readonly pending = new Map<
    number,
    { resolve: (h: FileHash) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  private closed = false;

  constructor(signal?: AbortSignal) {
    signal?.addEventListener('abort', () => void this.close(), { once: true });
  }

  private start(): Worker {
    const worker = new Worker(workerSource, { eval: true });
    worker.on('message', (msg: { id: number; sha256?: string; size?: number; error?: string }) => {
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      if (msg.error !== undefined) waiter.reject(new Error(msg.error));
      else waiter.resolve({ sha256: msg.sha256!, size: msg.size! });
    });
    worker.on('error', (err) => this.failAll(err));
    return worker;
  }

  hash(file: string): Promise<FileHash> {
    if (this.closed) return Promise.reject(new Error('hashing stopped'));
    this.worker ??= this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, file });
    });
  }

  private failAll(err: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error('hashing stopped'));
    await this.worker?.terminate();
    this.worker = null;
  }
}
