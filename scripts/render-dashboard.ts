// Draws the Dashboard's charts, from the definitions the emulator kept, into a PNG and a self-contained HTML page:
// vega-lite compiles each chart to a vega spec, vega renders SVG on the server, resvg turns it into a PNG.
// Run as its own process (`node --import tsx scripts/render-dashboard.ts charts.json OUT_DIR`): vega is ESM only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChartDefinition } from '../emulator/runtime/spreadsheet-charts';

interface Input {
  asOf: string;
  timeZone: string;
  charts: ChartDefinition[];
}

const FONT = 'DejaVu Sans';

/** A cell as the chart shows it: dates as yyyy-MM-dd in the workbook's zone (JSON brings them as ISO text). */
function cell(v: unknown, timeZone: string): string | number {
  if (typeof v === 'number') return v;
  const s = String(v ?? '');
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return new Date(s).toLocaleDateString('en-CA', { timeZone });
  return s;
}

/** One chart as a vega-lite unit: long-form data (label, series, value), marks by the Sheets chart type. */
export function chartSpec(c: ChartDefinition, timeZone: string): Record<string, unknown> {
  const values = c.ranges[0]?.values ?? [];
  const header = (values[0] ?? []).map((h) => String(h));
  const rows = values.slice(1);
  const data = rows.flatMap((r, order) =>
    header.slice(1).map((series, i) => ({
      label: String(cell(r[0], timeZone)),
      order,
      series,
      value: Number(r[i + 1] ?? 0) || 0,
    })),
  );
  const many = header.length > 2;
  const stacked = c.options['isStacked'] === true;
  const title = String(c.options['title'] ?? '');
  const color = many
    ? { field: 'series', type: 'nominal', title: null, sort: header.slice(1) }
    : { value: '#3366cc' };
  const labelAxis = { field: 'label', type: 'nominal', title: header[0], sort: { field: 'order' } };
  const valueAxis = {
    field: 'value',
    type: 'quantitative',
    title: String(c.options[c.type === 'BAR' ? 'hAxis.title' : 'vAxis.title'] ?? header[1]),
    ...(stacked || !many ? { stack: stacked ? 'zero' : null } : { stack: null }),
    axis: { tickMinStep: 1, format: 'd' },
  };
  const base = { title, width: 420, height: 240, data: { values: data } };
  if (c.type === 'LINE')
    return {
      ...base,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'label', type: 'temporal', title: header[0], axis: { format: '%b %d' } },
        y: { ...valueAxis, stack: null },
        color,
      },
    };
  if (c.type === 'BAR')
    return {
      ...base,
      mark: 'bar',
      encoding: {
        y: { ...labelAxis, axis: { labelLimit: 220 } },
        x: valueAxis,
        color,
        ...(many && !stacked ? { yOffset: { field: 'series' } } : {}),
      },
    };
  return {
    ...base,
    mark: 'bar',
    encoding: {
      x: { ...labelAxis, axis: { labelAngle: -25, labelLimit: 200 } },
      y: valueAxis,
      color,
      ...(many && !stacked ? { xOffset: { field: 'series' } } : {}),
    },
  };
}

async function render(input: Input, outDir: string): Promise<string[]> {
  const vl = await import('vega-lite');
  const vega = await import('vega');
  const { Resvg } = await import('@resvg/resvg-js');
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Dashboard as of ${input.asOf}`, fontSize: 18 },
    config: { font: FONT, view: { stroke: null } },
    background: 'white',
    padding: 16,
    columns: 2,
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
    concat: input.charts.map((c) => chartSpec(c, input.timeZone)),
  };
  const compiled = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: FONT },
    background: 'white',
  })
    .render()
    .asPng();
  fs.mkdirSync(outDir, { recursive: true });
  const pngFile = path.join(outDir, 'dashboard.png');
  const htmlFile = path.join(outDir, 'dashboard.html');
  fs.writeFileSync(pngFile, png);
  fs.writeFileSync(htmlFile, page(input, svg));
  return [pngFile, htmlFile];
}

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The charts as inline SVG, then each chart's data as a table (what the Dashboard tab's block holds). */
function page(input: Input, svg: string): string {
  const tables = input.charts
    .map((c) => {
      const values = c.ranges[0]?.values ?? [];
      const rows = values
        .map((r, i) => {
          const tag = i === 0 ? 'th' : 'td';
          return `<tr>${r.map((v) => `<${tag}>${escape(String(cell(v, input.timeZone)))}</${tag}>`).join('')}</tr>`;
        })
        .join('');
      return `<h2>${escape(String(c.options['title'] ?? ''))}</h2><table>${rows}</table>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dashboard as of ${escape(input.asOf)}</title>
<style>body{font-family:sans-serif;margin:24px}table{border-collapse:collapse;margin-bottom:16px}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}</style>
</head><body>${svg}\n<h1>The data behind the charts</h1>\n${tables}</body></html>\n`;
}

if (require.main === module) {
  const [inputFile, outDir] = process.argv.slice(2);
  if (!inputFile || !outDir) {
    console.error('usage: render-dashboard.ts charts.json OUT_DIR');
    process.exit(2);
  }
  render(JSON.parse(fs.readFileSync(inputFile, 'utf8')) as Input, outDir).then(
    (files) => console.log(files.join('\n')),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
