/**
 * A small container for model files: a JSON header plus named typed arrays, brotli-compressed.
 * Layout: magic "BCSY", u32 header length, header JSON (UTF-8), then each array's bytes padded to 8.
 */
import { brotliCompressSync, brotliDecompressSync, constants as zc } from 'node:zlib';

export type Typed = Uint8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
const CTORS = { Uint8Array, Uint16Array, Int16Array, Uint32Array, Int32Array, Float32Array, Float64Array } as const;
type CtorName = keyof typeof CTORS;
const MAGIC = 0x59534342; // "BCSY" little-endian

interface Header {
  meta: unknown;
  arrays: Array<{ name: string; type: CtorName; length: number; offset: number }>;
}

export function packBin(meta: unknown, arrays: Record<string, Typed>): Buffer {
  const entries: Header['arrays'] = [];
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    entries.push({ name, type: a.constructor.name as CtorName, length: a.length, offset });
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const head = Buffer.from(JSON.stringify({ meta, arrays: entries } satisfies Header), 'utf8');
  const start = Math.ceil((8 + head.length) / 8) * 8;
  const buf = Buffer.alloc(start + offset);
  buf.writeUInt32LE(MAGIC, 0);
  buf.writeUInt32LE(head.length, 4);
  head.copy(buf, 8);
  for (const e of entries) {
    const a = arrays[e.name];
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(buf, start + e.offset);
  }
  return brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 9, [zc.BROTLI_PARAM_LGWIN]: 24, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } });
}

export function unpackBin(data: Uint8Array, source: string): { meta: any; arrays: Record<string, Typed> } {
  const buf = brotliDecompressSync(data);
  if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) throw new Error(`${source}: not a backchannel syntax model file`);
  const hl = buf.readUInt32LE(4);
  const header = JSON.parse(buf.subarray(8, 8 + hl).toString('utf8')) as Header;
  const start = Math.ceil((8 + hl) / 8) * 8;
  // Copy into a fresh, aligned ArrayBuffer so typed views need no alignment luck.
  const body = new Uint8Array(buf.length - start);
  body.set(buf.subarray(start));
  const arrays: Record<string, Typed> = {};
  for (const e of header.arrays) {
    const Ctor = CTORS[e.type];
    if (!Ctor) throw new Error(`${source}: unknown array type ${e.type}`);
    arrays[e.name] = new Ctor(body.buffer, e.offset, e.length);
  }
  return { meta: header.meta, arrays };
}
