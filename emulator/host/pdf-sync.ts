// Host side: a synchronous PDF renderer for the runtime (Apps Script's `getAs` is synchronous, pdf-lib is not).
// The work runs in a worker thread (pdf-worker.ts, bundled once per process by esbuild so it runs the same under
// tsx, jest and node); this thread blocks on Atomics.wait until the worker raises the request's shared flag, then
// takes the answer with receiveMessageOnPort. Nothing is faked: a failure in the worker is thrown here.
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
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

/**
 * Rendering is deterministic (the same request gives the same bytes, font subset names included), so the bytes
 * of recent requests are kept: a fault sweep that reruns a letters run renders each distinct letter once.
 */
const CACHE_BYTES = 64 * 1024 * 1024;
const cache = new Map<string, Uint8Array>();
let cachedBytes = 0;
const stats = { rendered: 0, fromCache: 0 };

/** How many requests the worker rendered and how many came from the cache (this process). */
export function pdfRenderStats(): { rendered: number; fromCache: number } {
  return { ...stats };
}

/** Renders a PDF request (JSON of `PdfRequest`, runtime/pdf.ts) and returns its bytes; blocks until done. */
export function renderPdfSync(requestJson: string): Uint8Array {
  const key = createHash('sha256').update(requestJson).digest('hex');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    stats.fromCache += 1;
    return hit.slice();
  }
  const bytes = renderUncached(requestJson);
  stats.rendered += 1;
  cache.set(key, bytes.slice());
  cachedBytes += bytes.length;
  for (const [k, v] of cache) {
    if (cachedBytes <= CACHE_BYTES) break;
    cache.delete(k);
    cachedBytes -= v.length;
  }
  return bytes;
}

function renderUncached(requestJson: string): Uint8Array {
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
