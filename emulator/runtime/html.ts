// HtmlService: outputs and templates built from the build folder's .html files, which the host passes in.
import { gasError, loud, type ApiShape, type Runtime } from './core';
import { newBlob } from './blob';

type H = GoogleAppsScript.HTML.HtmlService;
type O = GoogleAppsScript.HTML.HtmlOutput;
type T = GoogleAppsScript.HTML.HtmlTemplate;

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

class FakeHtmlOutput implements ApiShape<
  O,
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'appendUntrusted'
  | 'setTitle'
  | 'getTitle'
  | 'setWidth'
  | 'getWidth'
  | 'setHeight'
  | 'getHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'setFaviconUrl'
  | 'getBlob'
  | 'clear'
> {
  private title = '';
  private width = 300;
  private height = 500;
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  readonly metaTags: { name: string; content: string }[] = [];
  constructor(private content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): FakeHtmlOutput {
    this.content = content;
    return this;
  }
  append(addedContent: string): FakeHtmlOutput {
    this.content += addedContent;
    return this;
  }
  appendUntrusted(addedContent: string): FakeHtmlOutput {
    this.content += escapeHtml(addedContent);
    return this;
  }
  clear(): FakeHtmlOutput {
    this.content = '';
    return this;
  }
  setTitle(title: string): FakeHtmlOutput {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): FakeHtmlOutput {
    this.width = width;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(height: number): FakeHtmlOutput {
    this.height = height;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): FakeHtmlOutput {
    this.sandboxMode = String(mode);
    return this;
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): FakeHtmlOutput {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this.metaTags.push({ name, content });
    return this;
  }
  setFaviconUrl(_iconUrl: string): FakeHtmlOutput {
    return this;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return newBlob(this.content, 'text/html', this.title || null || undefined);
  }
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Compiles `<?= ?>` (escaped), `<?!= ?>` (raw) and `<? ?>` (code) into a function of the template's fields. */
export function compileTemplate(source: string): string {
  let code = 'var __out = [];\n';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    code += `__out.push(${JSON.stringify(source.slice(last, m.index))});\n`;
    const body = (m[2] ?? '').trim().replace(/;\s*$/, '');
    if (m[1] === '=') code += `__out.push(__escape(${body}));\n`;
    else if (m[1] === '!=') code += `__out.push(__raw(${body}));\n`;
    else code += `${m[2]}\n`;
    last = re.lastIndex;
  }
  code += `__out.push(${JSON.stringify(source.slice(last))});\nreturn __out.join('');`;
  return code;
}

class FakeHtmlTemplate {
  [field: string]: unknown;
  constructor(source: string) {
    Object.defineProperty(this, '__source', { value: source, enumerable: false });
  }
  getCode(): string {
    return compileTemplate(this.__source as string);
  }
  getRawContent(): string {
    return this.__source as string;
  }
  evaluate(): O {
    const fields = Object.fromEntries(Object.entries(this).filter(([k]) => !k.startsWith('__')));
    const show = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
    // `with` gives scriptlets the template's fields as variables and the script's globals behind them, as in Apps Script.
    const fn = new Function('__fields', '__escape', '__raw', `with (__fields) {\n${this.getCode()}\n}`) as (
      f: object,
      e: (v: unknown) => string,
      r: (v: unknown) => string,
    ) => string;
    const html = fn(fields, (v) => escapeHtml(show(v)), show);
    return makeOutput(html);
  }
}

function makeOutput(content: string): O {
  return loud(new FakeHtmlOutput(content), 'HtmlOutput') as unknown as O;
}

class FakeHtmlService implements ApiShape<
  H,
  'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile'
> {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(
    private readonly rt: Runtime,
    private readonly files: Record<string, string>,
  ) {}
  private file(filename: string): string {
    const name = filename.replace(/\.html$/, '');
    const content = this.files[name];
    if (content === undefined) throw gasError(`No HTML file named ${name} was found.`);
    return content;
  }
  createHtmlOutput(html?: unknown): O {
    this.rt.call('HtmlService.createHtmlOutput');
    return makeOutput(
      html === undefined
        ? ''
        : typeof html === 'string'
          ? html
          : String((html as { getDataAsString(): string }).getDataAsString()),
    );
  }
  createHtmlOutputFromFile(filename: string): O {
    this.rt.call('HtmlService.createHtmlOutputFromFile');
    return makeOutput(this.file(filename));
  }
  createTemplate(html: unknown): T {
    this.rt.call('HtmlService.createTemplate');
    const source =
      typeof html === 'string' ? html : (html as { getDataAsString(): string }).getDataAsString();
    return loud(new FakeHtmlTemplate(source), 'HtmlTemplate') as unknown as T;
  }
  createTemplateFromFile(filename: string): T {
    this.rt.call('HtmlService.createTemplateFromFile');
    return loud(new FakeHtmlTemplate(this.file(filename)), 'HtmlTemplate') as unknown as T;
  }
}

export function makeHtmlService(rt: Runtime, files: Record<string, string>): H {
  return loud(new FakeHtmlService(rt, files), 'HtmlService') as unknown as H;
}
