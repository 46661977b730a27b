/**
 * The parser's model file: a small JSON header (labels, table sizes, scales, meta) and the two weight tables as
 * int16, brotli-compressed. Weights are quantised once when training ends (`quantize`), so the model in memory
 * and the model read back from disk score identically.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, constants as zc } from 'node:zlib';
import { ParserModel, type ParserMeta } from './model.js';

const MAGIC = 'BCPARSE1';
const INT16_MAX = 32767;

interface Header {
  meta: ParserMeta;
  labels: string[];
  moveBits: number;
  arcBits: number;
  moveScale: number;
  arcScale: number;
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

/** Rounds the model's weights to what the file stores (in place). Returns the scales. */
export function quantize(model: ParserModel): { moveScale: number; arcScale: number } {
  const moveScale = scaleOf(model.moveW);
  const arcScale = scaleOf(model.arcW);
  fromInt16(toInt16(model.moveW, moveScale), moveScale, model.moveW);
  fromInt16(toInt16(model.arcW, arcScale), arcScale, model.arcW);
  model.meta = { ...model.meta, moveScale, arcScale };
  return { moveScale, arcScale };
}

export function serializeParser(model: ParserModel): Buffer {
  const moveScale = Number(model.meta.moveScale ?? scaleOf(model.moveW));
  const arcScale = Number(model.meta.arcScale ?? scaleOf(model.arcW));
  const header: Header = { meta: model.meta, labels: model.labels, moveBits: model.moveBits, arcBits: model.arcBits, moveScale, arcScale };
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(h.length);
  const mq = toInt16(model.moveW, moveScale);
  const aq = toInt16(model.arcW, arcScale);
  const raw = Buffer.concat([Buffer.from(MAGIC), len, h, Buffer.from(mq.buffer, mq.byteOffset, mq.byteLength), Buffer.from(aq.buffer, aq.byteOffset, aq.byteLength)]);
  return brotliCompressSync(raw, { params: { [zc.BROTLI_PARAM_QUALITY]: 5, [zc.BROTLI_PARAM_LGWIN]: 24, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length } });
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
  const moveN = (1 << header.moveBits) * 3;
  const arcN = (1 << header.arcBits) * header.labels.length;
  let off = hstart + hlen;
  if (raw.length !== off + 2 * (moveN + arcN)) throw new Error(`${source}: truncated parser model`);
  // Copy into aligned int16 views (the header length makes the offset arbitrary).
  const body = new Int16Array(moveN + arcN);
  new Uint8Array(body.buffer).set(raw.subarray(off, off + 2 * (moveN + arcN)));
  off += 2 * moveN;
  const moveW = new Float32Array(moveN);
  const arcW = new Float32Array(arcN);
  fromInt16(body.subarray(0, moveN), header.moveScale, moveW);
  fromInt16(body.subarray(moveN), header.arcScale, arcW);
  return new ParserModel(header.labels, header.moveBits, header.arcBits, moveW, arcW, { ...header.meta, moveScale: header.moveScale, arcScale: header.arcScale });
}

export function saveParser(model: ParserModel, file: string): number {
  const buf = serializeParser(model);
  writeFileSync(file, buf);
  return buf.length;
}

export function loadParser(file: string): ParserModel {
  return deserializeParser(readFileSync(file), file);
}
