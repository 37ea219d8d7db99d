// A local web server for the add-on's sidebar: the page the bundle shows (Attendance → Open the sidebar) with
// google.script.run bridged to the emulator, so a browser can use the sidebar on this machine.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from './emulator';
import { scriptRun, scriptRunShim } from './script-run';

export interface ServedCall {
  name: string;
  ok: boolean;
  simulatedMs: number;
}

export interface SidebarServer {
  /** The page as a person sees it: the sidebar in its 300 px panel beside an empty sheet. */
  url: string;
  /** The sidebar's own page (what Apps Script puts in the panel's frame). */
  sidebarUrl: string;
  /** Every call the page made, in order. */
  calls: ServedCall[];
  /**
   * Makes the next call fail as a lost connection would: 'before' never reaches the script; 'after' runs in the
   * script but its answer is lost (the page's failure handler runs either way).
   */
  failNext(mode: 'before' | 'after'): void;
  close(): Promise<void>;
}

/** The bundle's top-level functions: what google.script.run offers the page. */
function topLevelFunctions(emu: Emulator): string[] {
  const g = emu.context as Record<string, unknown>;
  return Object.keys(g).filter((k) => typeof g[k] === 'function');
}

/** Runs the menu item and returns the sidebar page it showed. */
export function shownSidebar(
  emu: Emulator,
  menuFunction = 'showSidebar',
): { title: string; content: string } {
  const before = emu.ui.shown.length;
  const r = emu.run(menuFunction, undefined, 'menu');
  const shown = emu.ui.shown.slice(before).find((s) => s.kind === 'sidebar');
  if (r.error || !shown) throw new Error(`${menuFunction} showed no sidebar${r.error ? `: ${r.error}` : ''}`);
  return { title: shown.title, content: shown.content };
}

function frame(title: string, who: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} (emulated)</title>
<style>
html,body{margin:0;height:100%;font:13px Roboto,system-ui,Arial,sans-serif;color:#3c4043;background:#f8f9fa}
.sheet{position:absolute;left:0;top:0;right:301px;bottom:0;padding:16px}
.panel{position:absolute;top:0;right:0;bottom:0;width:300px;border-left:1px solid #dadce0;background:#fff;display:flex;flex-direction:column}
.bar{height:48px;display:flex;align-items:center;padding:0 16px;font-size:16px;color:#202124;border-bottom:1px solid #dadce0}
iframe{flex:1;border:0;width:300px}
</style></head><body>
<main class="sheet"><h1 style="font-size:16px;font-weight:500">Campus workbook (offline emulator)</h1>
<p>Signed in as ${esc(who || 'a person Apps Script gives no email for')}. The panel on the right is the add-on's sidebar, as Attendance → Open the sidebar shows it.</p></main>
<aside class="panel" aria-label="${esc(title)}"><div class="bar">${esc(title)}</div><iframe src="/sidebar" title="${esc(title)}"></iframe></aside>
</body></html>`;
}

/** Serves the sidebar on 127.0.0.1 (port 0: any free port). */
export function serveSidebar(
  emu: Emulator,
  options: { port?: number; user?: string } = {},
): Promise<SidebarServer> {
  const page = shownSidebar(emu);
  const shim = scriptRunShim(topLevelFunctions(emu));
  const html = page.content.replace(/<head>/i, `<head>\n${shim}`);
  const calls: ServedCall[] = [];
  let failure: 'before' | 'after' | null = null;
  const server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET' && (req.url === '/' || req.url === '/index.html'))
      return send(200, 'text/html', frame(page.title, options.user ?? ''));
    if (req.method === 'GET' && req.url === '/sidebar') return send(200, 'text/html', html);
    const m = /^\/run\/([A-Za-z_$][\w$]*)$/.exec(req.url ?? '');
    if (req.method === 'POST' && m) {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const mode = failure;
        failure = null;
        // A lost connection, as the page sees it: an answer that is not Apps Script's (a socket closed without an
        // answer would be retried by the browser itself).
        const lost = () => send(503, 'text/plain', 'Connection lost (simulated)');
        if (mode === 'before') return lost();
        try {
          const answer = scriptRun(emu, m[1]!, body || '[]');
          calls.push({ name: m[1]!, ok: answer.ok, simulatedMs: answer.simulatedMs });
          if (mode === 'after') return lost();
          send(200, 'application/json', JSON.stringify(answer));
        } catch (e) {
          send(
            500,
            'application/json',
            JSON.stringify({ ok: false, error: e instanceof Error ? e.message : String(e) }),
          );
        }
      });
      return;
    }
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    send(404, 'text/plain', 'Not found');
  });
  return new Promise((resolve) => {
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        sidebarUrl: `${url}sidebar`,
        calls,
        failNext: (mode) => {
          failure = mode;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
