/**
 * Pixels of downloaded files, without an image library: JPEG and PNG are decoded by the Chromium the suite already
 * drives (a data URL drawn on a canvas), and the images jsPDF embeds in a PDF are read from the PDF's bytes with
 * node:zlib (FlateDecode, PNG row predictors) or handed to Chromium (DCTDecode). Then simple measures of a region:
 * how much of it is dark text, how much is near a given colour, how many colours it holds.
 */
import zlib from 'zlib';
import type { Page } from 'playwright-core';

/** Decoded pixels, RGBA, row by row from the top. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A rectangle in a raster's pixels (or in CSS pixels before scaling). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Rgb = [number, number, number];

/** JPEG or PNG bytes to pixels, decoded by the page's browser (its own decoders, drawn on a canvas). */
export async function decodeInBrowser(page: Page, bytes: Buffer, mime: string): Promise<Raster> {
  const result = await page.evaluate(
    async ({ url }) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      // Base64 in chunks: a string is what crosses the protocol cheaply.
      let binary = '';
      for (let i = 0; i < data.length; i += 0x8000) {
        binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
      }
      return { width: canvas.width, height: canvas.height, base64: btoa(binary) };
    },
    { url: `data:${mime};base64,${bytes.toString('base64')}` },
  );
  return { width: result.width, height: result.height, data: new Uint8Array(Buffer.from(result.base64, 'base64')) };
}

/** An image XObject of a PDF, with what is needed to decode it. */
export interface PdfImage {
  object: number;
  width: number;
  height: number;
  filter: string;
  colors: number;
  bitsPerComponent: number;
  predictor: number;
  /** True for an image used as another's /SMask (its alpha channel), not painted on its own. */
  isMask: boolean;
  bytes: Buffer;
}

const num = (dict: string, key: string): number | undefined => {
  const m = dict.match(new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)`));
  return m ? Number(m[1]) : undefined;
};

/**
 * The image XObjects of a PDF, in the order of their objects (jsPDF writes the images in the order they were
 * added, one per page for dom-to-pdf). A plain reader for what jsPDF writes: direct /Length, no object streams.
 */
export function pdfImages(pdf: Buffer): PdfImage[] {
  const text = pdf.toString('latin1');
  const images: PdfImage[] = [];
  const masks = new Set<number>();
  const objects = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = objects.exec(text))) {
    const dict = m[2];
    const smask = dict.match(/\/SMask\s+(\d+)\s+0\s+R/);
    if (smask) masks.add(Number(smask[1]));
    if (!/\/Subtype\s*\/Image/.test(dict)) continue;
    const length = num(dict, 'Length');
    if (length === undefined) throw new Error(`PDF object ${m[1]}: no direct /Length`);
    const start = m.index + m[0].length;
    images.push({
      object: Number(m[1]),
      width: num(dict, 'Width') ?? 0,
      height: num(dict, 'Height') ?? 0,
      filter: dict.match(/\/Filter\s*\/(\w+)/)?.[1] ?? '',
      colors: /\/DeviceGray/.test(dict) ? 1 : /\/DeviceCMYK/.test(dict) ? 4 : 3,
      bitsPerComponent: num(dict, 'BitsPerComponent') ?? 8,
      predictor: num(dict, 'Predictor') ?? 1,
      isMask: false,
      bytes: pdf.subarray(start, start + length),
    });
    objects.lastIndex = start + length;
  }
  return images.map(image => ({ ...image, isMask: masks.has(image.object) }));
}

/** Number of pages of a PDF (`/Type /Page` objects, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Undoes PNG row filters (PDF /Predictor 10-15): each row starts with its filter type byte. */
function unfilterPng(data: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const type = data[y * (stride + 1)];
    const row = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const o = y * stride;
    for (let x = 0; x < stride; x += 1) {
      const a = x >= bpp ? out[o + x - bpp] : 0;
      const b = y > 0 ? out[o - stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[o - stride + x - bpp] : 0;
      let v = row[x];
      if (type === 1) v += a;
      else if (type === 2) v += b;
      else if (type === 3) v += (a + b) >> 1;
      else if (type === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (type !== 0) throw new Error(`PNG filter type ${type} in row ${y}`);
      out[o + x] = v & 0xff;
    }
  }
  return out;
}

/** Pixels of a PDF image: FlateDecode (with or without PNG predictors) here, DCTDecode (JPEG) in the browser. */
export async function decodePdfImage(page: Page, image: PdfImage): Promise<Raster> {
  if (image.filter === 'DCTDecode') return decodeInBrowser(page, image.bytes, 'image/jpeg');
  if (image.filter !== 'FlateDecode' && image.filter !== '') throw new Error(`PDF image filter /${image.filter}`);
  if (image.bitsPerComponent !== 8) throw new Error(`PDF image with ${image.bitsPerComponent} bits per component`);
  const { width, height, colors } = image;
  const raw = image.filter === 'FlateDecode' ? zlib.inflateSync(image.bytes) : image.bytes;
  const samples = image.predictor >= 10 ? unfilterPng(raw, width, height, colors) : raw;
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const s = i * colors;
    data[i * 4] = samples[s];
    data[i * 4 + 1] = colors >= 3 ? samples[s + 1] : samples[s];
    data[i * 4 + 2] = colors >= 3 ? samples[s + 2] : samples[s];
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

/** Rasters of the same width one under the other (the pages of a PDF back into the capture they were cut from). */
export function stack(rasters: Raster[]): Raster {
  const width = rasters[0]?.width ?? 0;
  if (rasters.some(r => r.width !== width)) throw new Error(`pages of different widths: ${rasters.map(r => r.width)}`);
  const height = rasters.reduce((sum, r) => sum + r.height, 0);
  const data = new Uint8Array(width * height * 4);
  let offset = 0;
  for (const r of rasters) {
    data.set(r.data, offset);
    offset += r.data.length;
  }
  return { width, height, data };
}

/** A box in CSS pixels scaled to a raster's pixels, rounded inwards. */
export function scaleBox(box: Box, scale: number): Box {
  const x = Math.ceil(box.x * scale);
  const y = Math.ceil(box.y * scale);
  return {
    x,
    y,
    width: Math.floor((box.x + box.width) * scale) - x,
    height: Math.floor((box.y + box.height) * scale) - y,
  };
}

export function inside(raster: Raster, box: Box): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= raster.width && box.y + box.height <= raster.height;
}

/** A box shrunk by `by` pixels on every side (keeps a measure off the edges a JPEG blurs). */
export function inset(box: Box, by: number): Box {
  return { x: box.x + by, y: box.y + by, width: box.width - 2 * by, height: box.height - 2 * by };
}

const luminanceOf = (r: number, g: number, b: number) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

/** What a region of a raster holds. */
export interface RegionStats {
  pixels: number;
  /** Share of pixels darker than relative luminance 0.3 (text on a light background). */
  darkShare: number;
  /** Share of strongly coloured pixels (max - min channel > 80): not grey, not white, not black. */
  colouredShare: number;
  /** Distinct colours after quantising each channel to 16 levels. */
  colours: number;
  /** Mean colour. */
  mean: Rgb;
}

export function regionStats(raster: Raster, box: Box): RegionStats {
  if (!inside(raster, box) || box.width <= 0 || box.height <= 0) {
    throw new Error(`box ${JSON.stringify(box)} is not inside the ${raster.width}x${raster.height} image`);
  }
  let dark = 0;
  let coloured = 0;
  const sum: Rgb = [0, 0, 0];
  const bins = new Set<number>();
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      const i = (y * raster.width + x) * 4;
      const r = raster.data[i];
      const g = raster.data[i + 1];
      const b = raster.data[i + 2];
      sum[0] += r;
      sum[1] += g;
      sum[2] += b;
      if (luminanceOf(r, g, b) < 0.3) dark += 1;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured += 1;
      bins.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
  }
  const pixels = box.width * box.height;
  return {
    pixels,
    darkShare: dark / pixels,
    colouredShare: coloured / pixels,
    colours: bins.size,
    mean: sum.map(v => Math.round(v / pixels)) as Rgb,
  };
}

/** Pixels of a region within `tolerance` (Euclidean RGB distance) of a colour. */
export function countNear(raster: Raster, box: Box, colour: Rgb, tolerance: number): number {
  if (!inside(raster, box)) throw new Error(`box ${JSON.stringify(box)} is not inside the image`);
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      const i = (y * raster.width + x) * 4;
      const d = Math.hypot(raster.data[i] - colour[0], raster.data[i + 1] - colour[1], raster.data[i + 2] - colour[2]);
      if (d <= tolerance) count += 1;
    }
  }
  return count;
}

/** `rgb(r, g, b)` / `rgba(r, g, b, a)` as computed by the browser. */
export function parseRgb(css: string): Rgb {
  const m = css.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Pixels to PNG bytes, encoded by the page's browser (to save what a test measured, e.g. a PDF's pages). */
export async function encodePng(page: Page, raster: Raster): Promise<Buffer> {
  const base64 = await page.evaluate(
    ({ width, height, data }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      const bytes = Uint8ClampedArray.from(atob(data), c => c.charCodeAt(0));
      ctx.putImageData(new ImageData(bytes, width, height), 0, 0);
      return canvas.toDataURL('image/png').split(',')[1];
    },
    { width: raster.width, height: raster.height, data: Buffer.from(raster.data).toString('base64') },
  );
  return Buffer.from(base64, 'base64');
}
