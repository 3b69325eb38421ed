import { Worker } from "node:worker_threads";

/**
 * bcrypt in worker threads: bcryptjs is pure JS, and one compare at cost 12 holds a thread for ~370 ms, which on the
 * app's own thread stalls every page and webhook meanwhile. Threads are made on first use and kept; each is held
 * (ref'd) only while it has work, so that a script exits when it is done.
 */
const THREADS = 2;

type Job = { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };
type Reply = { id: number; result?: string | boolean; error?: string };
type Thread = { worker: Worker; pending: Map<number, { resolve: (r: string | boolean) => void; reject: (e: Error) => void }> };

// An inline (eval) script, so that it works alike in the Next production bundle, tsx and Vitest: bcryptjs, a server
// external package, is required from the app's node_modules. The sync calls are right here: the thread is bcrypt's own.
const SCRIPT = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require("bcryptjs");
parentPort.on("message", ({ id, op, password, hash, cost }) => {
  try {
    parentPort.postMessage({ id, result: op === "hash" ? bcrypt.hashSync(password, cost) : bcrypt.compareSync(password, hash) });
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.message ? error.message : "bcrypt failed" });
  }
});
`;

// One pool per process, whichever Next bundle asks (as the database handle, lib/db/client.ts).
const globalForPool = globalThis as unknown as { __prozvonBcrypt?: { threads: Thread[]; nextId: number } };

export function bcryptInThread(job: Extract<Job, { op: "hash" }>): Promise<string>;
export function bcryptInThread(job: Extract<Job, { op: "compare" }>): Promise<boolean>;
export function bcryptInThread(job: Job): Promise<string | boolean> {
  globalForPool.__prozvonBcrypt ??= { threads: [], nextId: 1 };
  const pool = globalForPool.__prozvonBcrypt;
  const thread = pickThread(pool.threads);
  const id = pool.nextId++;
  return new Promise((resolve, reject) => {
    if (thread.pending.size === 0) thread.worker.ref();
    thread.pending.set(id, { resolve, reject });
    thread.worker.postMessage({ id, ...job });
  });
}

/** The least busy thread, or a new one while there are fewer than THREADS and all are busy. */
function pickThread(threads: Thread[]): Thread {
  const idle = threads.reduce<Thread | undefined>((best, t) => (!best || t.pending.size < best.pending.size ? t : best), undefined);
  if (idle && (idle.pending.size === 0 || threads.length >= THREADS)) return idle;
  const thread: Thread = { worker: new Worker(SCRIPT, { eval: true }), pending: new Map() };
  thread.worker.unref();
  thread.worker.on("message", ({ id, result, error }: Reply) => {
    const waiting = thread.pending.get(id);
    thread.pending.delete(id);
    if (thread.pending.size === 0) thread.worker.unref();
    if (!waiting) return;
    if (error !== undefined || result === undefined) waiting.reject(new Error(error ?? "bcrypt failed"));
    else waiting.resolve(result);
  });
  // A thread that dies fails what it held and leaves the pool; the next call makes a new one.
  const drop = (error: Error) => {
    const index = threads.indexOf(thread);
    if (index >= 0) threads.splice(index, 1);
    for (const waiting of thread.pending.values()) waiting.reject(error);
    thread.pending.clear();
  };
  thread.worker.on("error", drop);
  thread.worker.on("exit", (code) => drop(new Error(`bcrypt thread exited (${code})`)));
  threads.push(thread);
  return thread;
}
