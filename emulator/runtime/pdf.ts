// PDF export of a document body. The layout and the PDF bytes are made by the host's renderer (pdf-lib with
// Unicode fonts, `emulator/host/pdf-render.ts`), handed to the runtime as a synchronous function: the runtime
// (inside the vm context, no Node APIs) only describes what to render. Without a renderer an export throws.
import { EmulatorError } from './core';
import type { Block, PageSetup } from './document-model';
import { DEFAULT_PAGE } from './document-model';

/** What a PDF export describes: the document's blocks, its page set-up, a title and the moment it was made. */
export interface PdfRequest {
  title: string;
  page: PageSetup;
  blocks: readonly Block[];
  /** Epoch ms written as the PDF's creation date (the emulated clock, so a run gives the same bytes). */
  createdMs: number;
}

/** Renders a request (passed as JSON text) to PDF bytes, synchronously. */
export type PdfRenderer = (requestJson: string) => ArrayLike<number>;

let renderer: PdfRenderer | null = null;
let clock: () => number = () => 0;

/** Installs the host's renderer and the emulated clock (createRuntime does this with `options.renderPdf`). */
export function setPdfRenderer(render: PdfRenderer | null, now?: () => number): void {
  renderer = render;
  if (now) clock = now;
}

/** Renders a document body to PDF bytes (unsigned 0..255). */
export function renderPdf(blocks: readonly Block[], title: string, page: PageSetup = DEFAULT_PAGE): number[] {
  if (!renderer)
    throw new EmulatorError(
      'no PDF renderer: the host passes one (createRuntime({ renderPdf }), emulator/host/pdf-sync.ts)',
    );
  const request: PdfRequest = { title, page, blocks, createdMs: clock() };
  return Array.from(renderer(JSON.stringify(request)));
}
