// Extraction on several threads: this thread and up to `threads - 1` worker threads take the files
// to parse from one shared counter (so a worker still loading TypeScript takes none, and no thread
// idles while another has a queue), and the workers send each file's facts back as JSON text.
// Synchronous, like the extraction it replaces (the project session cannot await): this thread
// collects the workers' results between its own files with `receiveMessageOnPort`, and waits for
// the last ones with `Atomics.wait`. Workers are started once per process and kept (unreferenced,
// so they never hold the process open): a later extraction in the same process, such as another
// revision of `history`, does not load TypeScript again.
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MessageChannel, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import type { ParseJob } from "../facts/extract-sources.js";
import type { ExtractOptions } from "../facts/extraction-context.js";
import type { FileFacts } from "../facts/file-facts.js";
import { extractionWorkerData, extractionWorkerUrl } from "./extraction-worker.js";

/** One extraction as a worker receives it (plain data: it is copied to each worker). */
export interface ExtractionBatch {
  id: number;
  root: string;
  jobs: readonly ParseJob[];
  readNames: string[];
  callGraph: boolean;
  /** Int32 counters shared by every thread: [0] the next job to take, [1] results posted by workers. */
  counters: SharedArrayBuffer;
}

/** A worker's answer for one job: the facts as JSON, nothing when the file could not be read, or why it failed. */
export interface ExtractionResult {
  batch: number;
  index: number;
  json?: string;
  failed?: string;
}

/**
 * Files to parse per thread below which another thread does not pay. A worker costs loading
 * TypeScript and compiling its parser again (about 1.5 s of CPU on effect's sources), and its
 * facts are copied back as JSON (14 MB for 234 of effect's files, 1 s to parse); a file costs
 * 10–16 ms to extract. Measured with bench/threads.mjs (bench/README.md, "Worker threads"): on
 * this project's busy 2-core machine no size paid, so this is a floor, not a promise.
 */
const filesPerThread = 200;

/**
 * The compiled worker: the module itself when it runs from `dist`; when a test runner runs the
 * TypeScript sources, the same module under `dist`, which `npm test` builds first (without it,
 * extraction stays on this thread).
 */
function workerFile(): string {
  const file = fileURLToPath(extractionWorkerUrl);
  if (file.endsWith(".js")) return file;
  return path.join(path.resolve(path.dirname(file), "../.."), "dist", "src", "engine", "extraction-worker.js");
}

/** When no worker answers for this long while this thread waits, it parses what is missing itself. */
const stallMs = 30_000;

interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  broken: boolean;
}

const pool: PoolWorker[] = [];
let batches = 0;

/**
 * The threads to extract `files` files with: `requested` as given (at most one per file), or for
 * `"auto"` one per core that the last minute's load average leaves idle, while each thread has at
 * least {@link filesPerThread} files. A worker on a core another process keeps busy only adds CPU:
 * measured on 2 cores under a load of 6–18, 2 threads took 1.2–1.3× the wall time of one and
 * 1.4–1.6× its CPU.
 */
export function extractionThreads(requested: number | "auto", files: number): number {
  if (requested !== "auto") return Math.max(1, Math.min(requested, files));
  const cores = availableParallelism();
  const idle = Math.round(cores - (loadavg()[0] ?? 0));
  return Math.max(1, Math.min(cores, idle, Math.floor(files / filesPerThread)));
}

/**
 * Extracts `jobs` on `threads` threads (this one included). `extractHere` parses one job on this
 * thread; `deliver` receives each job's facts exactly once (undefined when the file could not be
 * read), with their JSON when a worker made them, in the order they finish.
 */
export function extractInParallel(
  root: string,
  jobs: readonly ParseJob[],
  options: ExtractOptions,
  threads: number,
  extractHere: (job: ParseJob) => FileFacts | undefined,
  deliver: (index: number, facts: FileFacts | undefined, json?: string) => void,
): void {
  const file = workerFile();
  const workers = threads > 1 && existsSync(file) ? workersFor(file, threads - 1) : [];
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const batch: ExtractionBatch = {
    id: ++batches,
    root,
    jobs,
    readNames: [...options.readNames],
    callGraph: options.callGraph !== false,
    counters: counters.buffer as SharedArrayBuffer,
  };
  for (const worker of workers) worker.port.postMessage(batch);
  const done = new Uint8Array(jobs.length);
  let received = 0;
  const accept = (index: number, facts: FileFacts | undefined, json?: string): void => {
    if (done[index] === 1) return;
    done[index] = 1;
    received++;
    deliver(index, facts, json);
  };
  const drain = (): void => {
    for (const worker of workers) {
      for (let message = receiveMessageOnPort(worker.port); message; message = receiveMessageOnPort(worker.port)) {
        const result = message.message as ExtractionResult;
        if (result.batch !== batch.id) continue;
        const job = jobs[result.index];
        if (!job || done[result.index] === 1) continue;
        if (result.failed !== undefined) accept(result.index, extractHere(job));
        else accept(result.index, result.json === undefined ? undefined : (JSON.parse(result.json) as FileFacts), result.json);
      }
    }
  };
  for (let index = Atomics.add(counters, 0, 1); index < jobs.length; index = Atomics.add(counters, 0, 1)) {
    accept(index, extractHere(jobs[index] as ParseJob));
    drain();
  }
  while (received < jobs.length) {
    const seen = Atomics.load(counters, 1);
    drain();
    if (received >= jobs.length) break;
    if (Atomics.wait(counters, 1, seen, stallMs) === "timed-out") {
      // A worker died or hangs on its file: parse what is missing here (a late answer is ignored).
      for (const [index, job] of jobs.entries()) if (done[index] !== 1) accept(index, extractHere(job));
    }
  }
}

/** Up to `count` live workers, started on first need and kept for the process's life. */
function workersFor(file: string, count: number): PoolWorker[] {
  for (let i = pool.length - 1; i >= 0; i--) if (pool[i]?.broken) pool.splice(i, 1);
  while (pool.length < count) {
    const worker = new Worker(file, { workerData: extractionWorkerData });
    const channel = new MessageChannel();
    const entry: PoolWorker = { worker, port: channel.port1, broken: false };
    // An error in a worker must not become this process's: the worker is dropped, its files parsed here.
    worker.on("error", () => (entry.broken = true));
    worker.on("exit", () => (entry.broken = true));
    worker.postMessage(channel.port2, [channel.port2]);
    worker.unref();
    pool.push(entry);
  }
  return pool.slice(0, count);
}
