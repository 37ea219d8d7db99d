// Host side: the PDF worker thread. pdf-lib's API is asynchronous while Apps Script's `getAs` is synchronous, so the
// emulator renders here and the calling thread waits (pdf-sync.ts). Each request brings a port for the answer and
// a shared flag the worker raises when the answer is on the port.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { PdfRequest } from '../runtime/pdf';
import type { FontDirs } from './pdf-fonts';
import { renderPdfRequest } from './pdf-render';

interface Job {
  json: string;
  port: MessagePort;
  flag: SharedArrayBuffer;
}

const dirs = (workerData as { dirs: FontDirs }).dirs;

parentPort?.on('message', (job: Job) => {
  const done = (answer: { bytes?: Uint8Array; error?: string }): void => {
    job.port.postMessage(answer);
    job.port.close();
    const flag = new Int32Array(job.flag);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  renderPdfRequest(JSON.parse(job.json) as PdfRequest, dirs).then(
    (bytes) => done({ bytes }),
    (e: unknown) => done({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
