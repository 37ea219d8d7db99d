// Builds build/Sidebar.html: the page's client bundled by esbuild and its CSS, inlined into one file that loads
// nothing from outside itself.
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const PAGE = path.join(__dirname, 'page');

/** The page's markup: every label is tied to its field; the script fills in what the server sends. */
const BODY = `
<p id="loading" role="status">Loading…</p>
<div id="app" hidden>
  <p class="me" id="me"></p>
  <p class="notice" id="notice" role="note" hidden></p>
  <div id="home">
    <h2 id="work-title">My work today <span id="work-count" class="muted"></span></h2>
    <ul class="plain" id="work-list" aria-labelledby="work-title"></ul>
    <button id="work-more" class="link" type="button" hidden></button>

    <h2><label for="q" class="h2label">Find a student</label></h2>
    <input id="q" type="search" autocomplete="off" placeholder="Name or Student ID" aria-describedby="result-count">
    <p id="result-count" class="muted small" aria-live="polite"></p>
    <ul class="plain" id="results" aria-label="Students found"></ul>
    <div id="recent" hidden>
      <h3 id="recent-title">Recent students</h3>
      <ul class="plain" id="recent-list" aria-labelledby="recent-title"></ul>
    </div>
  </div>

  <section id="student" hidden aria-labelledby="card-title">
    <button id="back" class="link" type="button">← My work and search</button>
    <h2 class="card-title" id="card-title" tabindex="-1"></h2>
    <div id="card"></div>
    <hr>
    <form id="form" novalidate>
      <h2>Log an entry</h2>
      <input id="f-student" type="hidden">
      <label for="f-type">Type</label>
      <select id="f-type" required></select>
      <div id="step-field" hidden>
        <label for="f-step">Step to set</label>
        <select id="f-step"><option>0</option><option>1</option><option>2</option><option>3</option><option>4</option><option>5</option></select>
      </div>
      <div class="row2">
        <div><label for="f-date">Date</label><input id="f-date" type="date" required></div>
        <div><label for="f-outcome">Outcome</label><select id="f-outcome"></select></div>
      </div>
      <label for="f-notes">Notes</label>
      <textarea id="f-notes" aria-describedby="notes-count"></textarea>
      <span id="notes-count" class="muted small"></span>
      <label for="f-follow">Follow-up date (optional)</label>
      <input id="f-follow" type="date">
      <button id="send" class="primary" type="submit">Save to the record</button>
    </form>
  </section>
  <p id="status" class="status" role="status" aria-live="polite"></p>
</div>`;

/** The sidebar page as one HTML document. */
export function sidebarHtml(): string {
  const result = buildSync({
    entryPoints: [path.join(PAGE, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
  });
  // A "</script" inside the bundle would end the element early.
  const js = (result.outputFiles[0]?.text ?? '').replace(/<\/script/gi, '<\\/script');
  const css = fs.readFileSync(path.join(PAGE, 'sidebar.css'), 'utf8');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<base target="_top">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Attendance Steps</title>
<style>${css}</style>
</head>
<body>${BODY}
<script>${js}</script>
</body>
</html>
`;
}

/** What scripts/build.ts writes into build/. */
export function buildHtml(): { name: string; content: string }[] {
  return [{ name: 'Sidebar.html', content: sidebarHtml() }];
}
