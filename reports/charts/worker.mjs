// Chart worker: renders Vega-Lite specs to SVG or PNG for Analytics reports.
//
// Protocol (see docs/charts.md): one JSON request per line on stdin,
//   {"id": 1, "spec": {...vega-lite...}, "format": "svg" | "png", "width": 960, "height": 540, "scale": 1}
// and one JSON response per line on stdout, in request order,
//   {"id": 1, "ok": true, "svg": "<svg ..."} | {"id": 1, "ok": true, "png": "<base64>", "width": W, "height": H}
//   {"id": 1, "ok": false, "error": "message"}
// stdout carries nothing else; diagnostics go to stderr. A bad request never ends the process.
//
// Start with `node --expose-gc worker.mjs`: resvg-js 2.6.2 leaks native memory in a long-lived
// process unless garbage is collected now and then.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import opentype from 'opentype.js';
import { Resvg } from '@resvg/resvg-js';

// Anything a library prints must not corrupt the protocol on stdout.
console.log = console.error;
console.info = console.error;
console.warn = console.error;

const require = createRequire(import.meta.url);
const fontDir = require.resolve('@expo-google-fonts/noto-sans/package.json').replace(/package\.json$/, '');
const fontFiles = {
  regular: `${fontDir}400Regular/NotoSans_400Regular.ttf`,
  bold: `${fontDir}700Bold/NotoSans_700Bold.ttf`,
};
const fonts = {
  regular: loadFont(fontFiles.regular),
  bold: loadFont(fontFiles.bold),
};

function loadFont(path) {
  const bytes = readFileSync(path);
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

// resvg draws with exactly these two files and nothing from the machine, so every host
// produces the same pixels and the widths measured below match what is drawn.
const resvgFontOptions = {
  loadSystemFonts: false,
  fontFiles: [fontFiles.regular, fontFiles.bold],
  defaultFontFamily: 'Noto Sans',
  sansSerifFamily: 'Noto Sans',
  serifFamily: 'Noto Sans',
  monospaceFamily: 'Noto Sans',
};

// Without a canvas vega estimates every glyph as 0.8 em, which misplaces labels and titles
// (Vietnamese diacritics make it worse). Measure with the font resvg will draw with instead.
const widthCache = new Map();

function isBold(item) {
  const w = item.fontWeight;
  if (w == null) return false;
  if (typeof w === 'number') return w >= 600;
  return w === 'bold' || w === 'bolder' || Number(w) >= 600;
}

function fontSizeOf(item) {
  return item.fontSize != null ? +item.fontSize || 0 : 11;
}

function rawWidth(item, text) {
  const size = fontSizeOf(item);
  if (size <= 0 || !text) return 0;
  const bold = isBold(item);
  const key = `${bold ? 'b' : 'r'}${size}|${text}`;
  let width = widthCache.get(key);
  if (width === undefined) {
    width = (bold ? fonts.bold : fonts.regular).getAdvanceWidth(text, size, { kerning: true });
    if (widthCache.size > 20000) widthCache.clear();
    widthCache.set(key, width);
  }
  return width;
}

// Mirrors vega's own truncation for labels with a `limit`, but with real widths.
function truncated(item, text) {
  const limit = +item.limit;
  if (!(limit > 0) || rawWidth(item, text) < limit) return text;
  const ellipsis = item.ellipsis || '\u2026';
  const room = limit - rawWidth(item, ellipsis);
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (rawWidth(item, text.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + ellipsis;
}

vega.textMetrics.width = (item, text) => {
  const value = text == null ? '' : String(text).trim();
  return rawWidth(item, truncated(item, value));
};

// Specs are built by our own C# code and carry their data inline; refuse to touch files or the network.
const loader = vega.loader();
loader.load = async (uri) => {
  throw new Error(`external data is not allowed in chart specs: ${uri}`);
};

// vega logs a failed load and renders an empty chart; a report must fail loudly instead.
function rejectExternalData(node) {
  if (Array.isArray(node)) {
    node.forEach(rejectExternalData);
  } else if (node !== null && typeof node === 'object') {
    if (Array.isArray(node.data)) {
      for (const d of node.data) {
        if (d && d.url != null) throw new Error(`external data is not allowed in chart specs: ${JSON.stringify(d.url)}`);
      }
    }
    if (Array.isArray(node.marks)) node.marks.forEach(rejectExternalData);
  }
}

function checkRequest(request) {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new Error('request must be a JSON object');
  }
  if (request.spec === null || typeof request.spec !== 'object' || Array.isArray(request.spec)) {
    throw new Error('request.spec must be a Vega-Lite spec object');
  }
  const format = request.format ?? 'svg';
  if (format !== 'svg' && format !== 'png') throw new Error(`unknown format "${format}" (svg or png)`);
  for (const key of ['width', 'height', 'scale']) {
    const v = request[key];
    if (v != null && !(typeof v === 'number' && v > 0 && v <= 20000)) {
      throw new Error(`request.${key} must be a positive number`);
    }
  }
  return format;
}

// vega-lite only warns about many mistakes (an unknown aggregate, a misspelt channel) and then
// draws a different chart than asked for. A report must not show that, so warnings fail the request.
function compile(spec) {
  const problems = [];
  const logger = {
    level() { return this; },
    error: (...args) => problems.push(args.join(' ')),
    warn: (...args) => problems.push(args.join(' ')),
    info() {},
    debug() {},
  };
  let compiled;
  try {
    compiled = vegaLite.compile(spec, { logger }).spec;
  } catch (err) {
    problems.unshift(err instanceof Error ? err.message : String(err));
  }
  if (problems.length > 0) throw new Error(`invalid Vega-Lite spec: ${problems.join('; ')}`);
  return compiled;
}

async function renderSvg(request) {
  const spec = { ...request.spec };
  // A requested size is the size of the whole image, titles and axes included.
  if (request.width != null || request.height != null) {
    if (request.width != null) spec.width = request.width;
    if (request.height != null) spec.height = request.height;
    spec.autosize = { type: 'fit', contains: 'padding' };
  }
  const compiled = compile(spec);
  rejectExternalData(compiled);
  const view = new vega.View(vega.parse(compiled), {
    renderer: 'none',
    loader,
    logLevel: vega.Error,
  });
  try {
    // Clip-path and gradient ids count up across renders; reset them so the same spec
    // always yields the same SVG text.
    vega.resetSVGDefIds();
    await view.runAsync();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function svgSize(svg) {
  const head = svg.slice(0, svg.indexOf('>'));
  const w = /\swidth="([\d.]+)"/.exec(head);
  const h = /\sheight="([\d.]+)"/.exec(head);
  return { width: w ? Number(w[1]) : NaN, height: h ? Number(h[1]) : NaN };
}

// When the content did not fit (a very long title, say) vega grows the image beyond the
// requested size. A PNG must still have the requested pixel size, so the root element is
// given that size and the viewBox scales the content into it.
function forceSize(svg, width, height) {
  const end = svg.indexOf('>');
  const head = svg
    .slice(0, end)
    .replace(/\swidth="[\d.]+"/, ` width="${width}"`)
    .replace(/\sheight="[\d.]+"/, ` height="${height}"`);
  return head + svg.slice(end);
}

function renderPng(svg, request) {
  const scale = request.scale ?? 1;
  const natural = svgSize(svg);
  const width = request.width ?? natural.width;
  const height = request.height ?? natural.height;
  if (natural.width !== width || natural.height !== height) svg = forceSize(svg, width, height);
  const resvg = new Resvg(svg, {
    font: resvgFontOptions,
    fitTo: { mode: 'zoom', value: scale },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  });
  const image = resvg.render();
  const png = image.asPng();
  const result = { png: Buffer.from(png).toString('base64'), width: image.width, height: image.height };
  image.free?.();
  resvg.free?.();
  return result;
}

let rendered = 0;
const gcEvery = Number(process.env.CHARTS_GC_EVERY ?? 8);

async function handle(line) {
  let id = null;
  try {
    const request = JSON.parse(line);
    id = request?.id ?? null;
    const format = checkRequest(request);
    const svg = await renderSvg(request);
    const body = format === 'svg' ? { svg } : renderPng(svg, request);
    return { id, ok: true, ...body };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { id, ok: false, error: message || 'chart rendering failed' };
  } finally {
    rendered += 1;
    if (global.gc && rendered % gcEvery === 0) global.gc();
  }
}

// Requests are handled one at a time, so responses come back in request order.
const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
let queue = Promise.resolve();
input.on('line', (line) => {
  if (!line.trim()) return;
  queue = queue.then(async () => {
    const response = await handle(line);
    process.stdout.write(`${JSON.stringify(response)}\n`);
  });
});
input.on('close', () => {
  queue.then(() => process.exit(0));
});

// A stray rejection from inside a library must not end the worker; the request that caused it
// has already been answered by its own try/catch.
process.on('unhandledRejection', (reason) => {
  console.error('chart worker: unhandled rejection:', reason);
});
