// Host side: a synchronous PDF renderer for the runtime (Apps Script's `getAs` is synchronous, pdf-lib is not).
// The work runs in a worker thread (pdf-worker.ts, bundled once per process by esbuild so it runs the same under
// tsx, jest and node); this thread blocks on Atomics.wait until the worker raises the request's shared flag, then
// takes the answer with receiveMessageOnPort. Nothing is faked: a failure in the worker is thrown here.
import { buildSync } from 'esbuild';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { resolveFontDirs } from './pdf-fonts';

/** How long one PDF may take before the caller gives up (a 100-page batch takes a few seconds). */
const TIMEOUT_MS = 120_000;

let worker: Worker | null = null;
let workerCode: string | null = null;

function bundle(): string {
  if (workerCode === null) {
    const result = buildSync({
      entryPoints: [path.resolve(__dirname, 'pdf-worker.ts')],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no PDF worker bundle');
    workerCode = file.text;
  }
  return workerCode;
}

function start(): Worker {
  if (!worker) {
    worker = new Worker(bundle(), { eval: true, workerData: { dirs: resolveFontDirs() } });
    // The worker never keeps the process alive: requests are synchronous, nothing is pending between them.
    worker.unref();
    worker.on('error', () => {
      worker = null;
    });
    worker.on('exit', () => {
      worker = null;
    });
  }
  return worker;
}

/** Renders a PDF request (JSON of `PdfRequest`, runtime/pdf.ts) and returns its bytes; blocks until done. */
export function renderPdfSync(requestJson: string): Uint8Array {
  const w = start();
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  w.postMessage({ json: requestJson, port: port2, flag }, [port2]);
  const state = Atomics.wait(new Int32Array(flag), 0, 0, TIMEOUT_MS);
  const answer = receiveMessageOnPort(port1)?.message as { bytes?: Uint8Array; error?: string } | undefined;
  port1.close();
  if (state === 'timed-out' && !answer) throw new Error(`PDF rendering took more than ${TIMEOUT_MS} ms`);
  if (!answer) throw new Error('PDF worker gave no answer');
  if (answer.error !== undefined) throw new Error(`PDF rendering failed: ${answer.error}`);
  if (!answer.bytes) throw new Error('PDF worker gave no bytes');
  return answer.bytes;
}

/** Stops the worker (tests that count threads; the process exits without it anyway). */
export async function stopPdfWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
