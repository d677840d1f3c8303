// A worker thread of the extraction pool (see extraction-pool.ts): loads TypeScript once, then for
// each batch takes the next unparsed file from the counter it shares with the other threads,
// parses it and sends its facts back as JSON text (the form the facts cache stores, and cheaper to
// copy between threads than the object graph), until the batch is done. The pool imports this
// module for its URL; only in the thread the pool starts does it load the parser.
import { parentPort, workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import type { ExtractionBatch, ExtractionResult } from "./extraction-pool.js";

/** This module's URL: the pool starts it as its workers. */
export const extractionWorkerUrl = import.meta.url;

/** What the pool passes a worker it starts, so that other threads loading this module (ESLint's) do nothing. */
export const extractionWorkerData = { deadflagExtractionWorker: true };

if (typeof workerData === "object" && workerData !== null && "deadflagExtractionWorker" in workerData) {
  const [{ extractFileFacts }, { readTextSync }] = await Promise.all([import("../facts/extract-file-facts.js"), import("../project/read-source-files.js")]);
  parentPort?.once("message", (port: MessagePort) => {
    port.on("message", (batch: ExtractionBatch) => {
      const options = { readNames: new Set(batch.readNames), ...(batch.callGraph ? {} : { callGraph: false }) };
      const counters = new Int32Array(batch.counters);
      for (let index = Atomics.add(counters, 0, 1); index < batch.jobs.length; index = Atomics.add(counters, 0, 1)) {
        const job = batch.jobs[index];
        let result: ExtractionResult;
        try {
          const text = job?.text ?? (job && readTextSync(batch.root, job.file));
          result = { batch: batch.id, index, ...(job && text !== undefined ? { json: JSON.stringify(extractFileFacts(job.file, text, options)) } : {}) };
        } catch (error) {
          // The pool's thread parses this file itself, and reports what goes wrong there.
          result = { batch: batch.id, index, failed: String(error) };
        }
        port.postMessage(result);
        Atomics.add(counters, 1, 1);
        Atomics.notify(counters, 1);
      }
    });
  });
}
