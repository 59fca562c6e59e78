// Chart worker: renders Vega-Lite specs to SVG or PNG for Analytics reports.
//
// Protocol (see docs/charts.md): one JSON request per line on stdin,
//   {"id": 1, "spec": {...vega-lite...}, "format": "svg" | "png" | "svg+png", "width": 960, "height": 540, "scale": 1}
// and one JSON response per line on stdout, in request order,
//   {"id": 1, "ok": true, "svg": "<svg ..."} | {"id": 1, "ok": true, "png": "<base64>", "width": W, "height": H}
//   ("svg+png" answers both, from one vega render)
//   {"id": 1, "ok": false, "error": "message"}
// stdout carries nothing else; diagnostics go to stderr. A bad request never ends the process.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import zlib from 'node:zlib';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import opentype from 'opentype.js';
import { renderAsync } from '@resvg/resvg-js';

// Anything a library prints must not corrupt the protocol on stdout.
console.log = console.error;
console.info = console.error;
console.warn = console.error;

const require = createRequire(import.meta.url);
function packageDir(name) {
  return require.resolve(`${name}/package.json`).replace(/package\.json$/, '');
}
const notoDir = packageDir('@expo-google-fonts/noto-sans');
const robotoDir = packageDir('@expo-google-fonts/roboto');
// Noto Sans draws everything it has (Vietnamese included). It has no "≥" or "≤"; Roboto
// (same OFL licence, a close humanist design) is the fallback for those, both in resvg and in the
// widths measured below.
const fontFiles = {
  regular: `${notoDir}400Regular/NotoSans_400Regular.ttf`,
  bold: `${notoDir}700Bold/NotoSans_700Bold.ttf`,
  fallbackRegular: `${robotoDir}400Regular/Roboto_400Regular.ttf`,
  fallbackBold: `${robotoDir}700Bold/Roboto_700Bold.ttf`,
};
const faces = {
  regular: [loadFont(fontFiles.regular), loadFont(fontFiles.fallbackRegular)],
  bold: [loadFont(fontFiles.bold), loadFont(fontFiles.fallbackBold)],
};

function loadFont(path) {
  const bytes = readFileSync(path);
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

// resvg draws with exactly these files and nothing from the machine, so every host produces the
// same pixels and the widths measured below match what is drawn. A character the main font lacks
// is drawn from the first loaded font that has it (resvg's own fallback).
const resvgFontOptions = {
  loadSystemFonts: false,
  fontFiles: [fontFiles.regular, fontFiles.bold, fontFiles.fallbackRegular, fontFiles.fallbackBold],
  defaultFontFamily: 'Noto Sans',
  sansSerifFamily: 'Noto Sans',
  serifFamily: 'Noto Sans',
  monospaceFamily: 'Noto Sans',
};

// Without a canvas vega estimates every glyph as 0.8 em, which misplaces labels and titles
// (Vietnamese diacritics make it worse). Measure with the fonts resvg will draw with instead.
// Widths are kept in font units per (weight, text), so every font size reuses them.
const unitWidths = new Map();

function isBold(item) {
  const w = item.fontWeight;
  if (w == null) return false;
  if (typeof w === 'number') return w >= 600;
  return w === 'bold' || w === 'bolder' || Number(w) >= 600;
}

function fontSizeOf(item) {
  return item.fontSize != null ? +item.fontSize || 0 : 11;
}

// Index of the face that draws a character: the main font when it has a glyph, else the first
// fallback that has one, else the main font (which draws its "missing" box, as resvg would).
const faceOfChar = [new Map(), new Map()];
function faceIndex(fonts, weight, ch) {
  let index = faceOfChar[weight].get(ch);
  if (index === undefined) {
    index = fonts.findIndex((f) => f.charToGlyphIndex(ch) > 0);
    if (index < 0) index = 0;
    faceOfChar[weight].set(ch, index);
  }
  return index;
}

// Width in ems: the text is cut into runs drawn by one face each; kerning applies within a run.
function emWidth(bold, text) {
  const key = `${bold ? 'b' : 'r'}|${text}`;
  let width = unitWidths.get(key);
  if (width !== undefined) return width;
  const fonts = bold ? faces.bold : faces.regular;
  const weight = bold ? 1 : 0;
  width = 0;
  let start = 0;
  let current = -1;
  const chars = Array.from(text);
  const runs = [];
  chars.forEach((ch, i) => {
    const index = faceIndex(fonts, weight, ch);
    if (index !== current) {
      if (current >= 0) runs.push([current, chars.slice(start, i).join('')]);
      current = index;
      start = i;
    }
  });
  if (current >= 0) runs.push([current, chars.slice(start).join('')]);
  for (const [index, run] of runs) {
    const font = fonts[index];
    width += font.getAdvanceWidth(run, font.unitsPerEm, { kerning: true }) / font.unitsPerEm;
  }
  if (unitWidths.size > 50000) unitWidths.clear();
  unitWidths.set(key, width);
  return width;
}

function rawWidth(item, text) {
  const size = fontSizeOf(item);
  if (size <= 0 || !text) return 0;
  return emWidth(isBold(item), text) * size;
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
  if (format !== 'svg' && format !== 'png' && format !== 'svg+png') throw new Error(`unknown format "${format}" (svg, png or svg+png)`);
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

// resvg-js 2.6.2's synchronous Resvg#render() never frees the pixel buffer (≈ 8 MB per slide,
// garbage collection does not help); renderAsync does free it, and rasterises off the main thread.
async function renderPng(svg, request) {
  const scale = request.scale ?? 1;
  const natural = svgSize(svg);
  const width = request.width ?? natural.width;
  const height = request.height ?? natural.height;
  if (natural.width !== width || natural.height !== height) svg = forceSize(svg, width, height);
  const image = await renderAsync(svg, {
    font: resvgFontOptions,
    fitTo: { mode: 'zoom', value: scale },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  });
  const png = encodePng(image.pixels, image.width, image.height);
  return { png: png.toString('base64'), width: image.width, height: image.height };
}

// resvg's own PNG encoder spends ≈ 100 ms on a 1920×1080 slide (adaptive filters, default
// compression); zlib at level 2 without filters takes a fifth of that for a file ≈ 30 % larger
// (≈ 90 KB a slide). Same pixels, RGBA, 8 bits per channel.
function encodePng(rgba, width, height) {
  const stride = width * 4;
  const raw = Buffer.allocUnsafe((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1);
    raw[row] = 0; // filter: none
    rgba.copy(raw, row + 1, y * stride, (y + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 2 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type, data) {
  const chunk = Buffer.alloc(data.length + 12);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, data.length + 8)), data.length + 8);
  return chunk;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  if (zlib.crc32) return zlib.crc32(bytes);
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function handle(line) {
  let id = null;
  try {
    const request = JSON.parse(line);
    id = request?.id ?? null;
    const format = checkRequest(request);
    const svg = await renderSvg(request);
    if (format === 'svg') return { id, ok: true, svg };
    const png = await renderPng(svg, request);
    return format === 'png' ? { id, ok: true, ...png } : { id, ok: true, svg, ...png };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { id, ok: false, error: message || 'chart rendering failed' };
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
