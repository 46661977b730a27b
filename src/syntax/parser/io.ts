/**
 * The parser's model file: a small JSON header (labels, table sizes, scales, meta), the move table as int16 and
 * the two arc tables as sparse rows (entry count per row, columns, int16 weights), brotli-compressed. Weights are quantised once when training ends (`quantize`), so the model in memory
 * and the model read back from disk score identically.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, constants as zc } from 'node:zlib';
import { ParserModel, sparsify, type ParserMeta, type SparseTable } from './model.js';
import { featureLevel } from './features.js';
import { ArcBounds, type ArcBoundsJson } from './arc-bounds.js';
import { WordClasses } from '../tagger/word-classes.js';

const MAGIC = 'BCPARSE1';
const INT16_MAX = 32767;

interface Header {
  meta: ParserMeta;
  labels: string[];
  /** Per direction (LEFT, RIGHT): global label id of each arc-table column. */
  dirLabels: [number[], number[]];
  moveBits: number;
  arcBits: number;
  moveScale: number;
  arcScale: number;
  /** Label-score bounds for skipping label scoring (absent in models written before them: no skipping). */
  arcBounds?: ArcBoundsJson;
  /** Word classes of level-3 models: entry count and branching; the hashes and leaf clusters follow the arc tables. */
  classes?: { count: number; branching: number };
}

/** Scale that maps the largest weight to int16's range (1 for an all-zero table). */
function scaleOf(w: Float32Array): number {
  let max = 0;
  for (let i = 0; i < w.length; i++) {
    const a = Math.abs(w[i]);
    if (a > max) max = a;
  }
  return max > 0 ? max / INT16_MAX : 1;
}

function toInt16(w: Float32Array, scale: number): Int16Array {
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i] / scale);
  return q;
}

function fromInt16(q: Int16Array, scale: number, out: Float32Array): void {
  for (let i = 0; i < q.length; i++) out[i] = q[i] * scale;
}

/** Installs the run-time move table: int16 rows of 4 from int16 rows of 3. */
function installMoveQ(model: ParserModel, q: Int16Array, scale: number): void {
  const rows = q.length / 3;
  const q4 = new Int16Array(rows * 4);
  for (let r = 0; r < rows; r++) {
    q4[r * 4] = q[r * 3];
    q4[r * 4 + 1] = q[r * 3 + 1];
    q4[r * 4 + 2] = q[r * 3 + 2];
  }
  model.moveQ = q4;
  model.moveScale = scale;
}

/**
 * Rounds the model's weights to what the file stores and switches the arc tables to their sparse form (in place;
 * the dense arc tables are dropped). Returns the scales.
 */
export function quantize(model: ParserModel): { moveScale: number; arcScale: number } {
  if (model.arcSparse) throw new Error('parser model is already quantized');
  const moveScale = scaleOf(model.moveW);
  const arcScale = Math.max(scaleOf(model.arcW[0]), scaleOf(model.arcW[1]));
  const mq = toInt16(model.moveW, moveScale);
  fromInt16(mq, moveScale, model.moveW);
  installMoveQ(model, mq, moveScale);
  for (const w of model.arcW) fromInt16(toInt16(w, arcScale), arcScale, w);
  model.setSparseArcs([sparsify(model.arcW[0], model.dirLabels[0].length), sparsify(model.arcW[1], model.dirLabels[1].length)], arcScale);
  model.arcW[0] = new Float32Array(0);
  model.arcW[1] = new Float32Array(0);
  model.meta = { ...model.meta, moveScale, arcScale };
  return { moveScale, arcScale };
}

const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function serializeParser(model: ParserModel): Buffer {
  if (!model.arcSparse) throw new Error('quantize the parser model before saving it');
  const moveScale = Number(model.meta.moveScale);
  const arcScale = Number(model.meta.arcScale);
  const dirLabels: [number[], number[]] = [Array.from(model.dirLabels[0]), Array.from(model.dirLabels[1])];
  const header: Header = {
    meta: model.meta, labels: model.labels, dirLabels, moveBits: model.moveBits, arcBits: model.arcBits, moveScale, arcScale,
    ...(model.arcBounds ? { arcBounds: model.arcBounds.json } : {}),
    ...(model.classes ? { classes: { count: model.classes.hashes.length, branching: model.classes.branching } } : {}),
  };
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(h.length);
  const parts: Buffer[] = [Buffer.from(MAGIC), len, h, bytes(toInt16(model.moveW, moveScale))];
  for (const t of model.arcSparse) {
    const rows = t.starts.length - 1;
    const counts = new Uint16Array(rows);
    for (let r = 0; r < rows; r++) counts[r] = t.starts[r + 1] - t.starts[r];
    const nnz = Buffer.alloc(4);
    nnz.writeUInt32LE(t.vals.length);
    parts.push(nnz, bytes(counts), bytes(t.cols), bytes(toInt16(t.vals, arcScale)));
  }
  if (model.classes) parts.push(bytes(model.classes.hashes), bytes(model.classes.leaf));
  const raw = Buffer.concat(parts);
  return brotliCompressSync(raw, { params: { [zc.BROTLI_PARAM_QUALITY]: 5, [zc.BROTLI_PARAM_LGWIN]: 24, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length } });
}

/** Reads `count` values of a typed array from raw at off (copied: the offsets are not aligned). */
function take<T extends Int16Array | Uint16Array | Uint32Array>(raw: Buffer, off: number, count: number, make: (n: number) => T, source: string): T {
  const out = make(count);
  const end = off + out.BYTES_PER_ELEMENT * count;
  if (end > raw.length) throw new Error(`${source}: truncated parser model`);
  new Uint8Array(out.buffer).set(raw.subarray(off, end));
  return out;
}

export function deserializeParser(data: Buffer, source = '<parser model>'): ParserModel {
  let raw: Buffer;
  try {
    raw = brotliDecompressSync(data);
  } catch {
    throw new Error(`${source}: not a parser model (cannot decompress)`);
  }
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error(`${source}: not a parser model (bad magic)`);
  const hlen = raw.readUInt32LE(MAGIC.length);
  const hstart = MAGIC.length + 4;
  const header = JSON.parse(raw.subarray(hstart, hstart + hlen).toString('utf8')) as Header;
  try {
    featureLevel(header.meta.features);
  } catch (e) {
    throw new Error(`${source}: ${(e as Error).message}: retrain it (backchannel train parser)`);
  }
  let off = hstart + hlen;
  const moveN = (1 << header.moveBits) * 3;
  const mq = take(raw, off, moveN, (n) => new Int16Array(n), source);
  off += 2 * moveN;
  const moveW = new Float32Array(moveN);
  fromInt16(mq, header.moveScale, moveW);
  const rows = 1 << header.arcBits;
  const sparse: SparseTable[] = [];
  for (let dir = 0; dir < 2; dir++) {
    if (off + 4 > raw.length) throw new Error(`${source}: truncated parser model`);
    const nnz = raw.readUInt32LE(off);
    off += 4;
    const counts = take(raw, off, rows, (n) => new Uint16Array(n), source);
    off += 2 * rows;
    const cols = take(raw, off, nnz, (n) => new Uint16Array(n), source);
    off += 2 * nnz;
    const q = take(raw, off, nnz, (n) => new Int16Array(n), source);
    off += 2 * nnz;
    const starts = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r++) starts[r + 1] = starts[r] + counts[r];
    const vals = new Float32Array(nnz);
    fromInt16(q, header.arcScale, vals);
    sparse.push({ starts, cols, vals });
  }
  let classes: WordClasses | null = null;
  if (header.classes) {
    const k = header.classes.count;
    const hashes = take(raw, off, k, (n) => new Uint32Array(n), source);
    off += 4 * k;
    const leaf = take(raw, off, k, (n) => new Int16Array(n), source);
    off += 2 * k;
    classes = new WordClasses(hashes, leaf, new Uint8Array(0), new Uint8Array(0), header.classes.branching);
  }
  if (off !== raw.length) throw new Error(`${source}: unexpected bytes after the parser model`);
  const dirLabels: [Int32Array, Int32Array] = [Int32Array.from(header.dirLabels[0]), Int32Array.from(header.dirLabels[1])];
  const model = new ParserModel(header.labels, dirLabels, header.moveBits, header.arcBits, moveW, [new Float32Array(0), new Float32Array(0)],
    { ...header.meta, moveScale: header.moveScale, arcScale: header.arcScale });
  model.setSparseArcs([sparse[0], sparse[1]], header.arcScale);
  installMoveQ(model, mq, header.moveScale);
  if (header.arcBounds) model.arcBounds = new ArcBounds(header.arcBounds);
  model.classes = classes;
  return model;
}

export function saveParser(model: ParserModel, file: string): number {
  const buf = serializeParser(model);
  writeFileSync(file, buf);
  return buf.length;
}

export function loadParser(file: string): ParserModel {
  return deserializeParser(readFileSync(file), file);
}
