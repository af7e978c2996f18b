import { HrddError } from '../errors.js';
import { type IndexData, indexData, indexFromData, type ScreeningIndex } from './index-build.js';
import type { ListEntry } from './types.js';

/** Identity of a list held by a saved index (as recorded in assessment provenance). */
export interface SavedListIdentity {
  id: string;
  version: string;
  hash: string;
}

const MAGIC = 'HRDDIDX1';
// 2: spellings fold `ks`, `kh`, `ts` to `x`, `h`, `c` and misspelt legal forms are read, so version-1 words differ.
const FORMAT_VERSION = 2;
type Section =
  | keyof Omit<IndexData, 'termText' | 'entryCount' | 'entryAt'>
  | 'termBytes'
  | 'entryBytes'
  | 'entryOffsets';
const U32_SECTIONS = [
  'termOffsets',
  'df',
  'postOffsets',
  'postNames',
  'gramOffsets',
  'gramTerms',
  'nameEntry',
  'nameAlt',
  'nameTokOffsets',
  'nameToks',
  'entryOffsets',
] as const;

interface Header {
  format: 'hrdd-screening-index';
  version: number;
  entryCount: number;
  lists: SavedListIdentity[];
  sections: { name: Section; bytes: number }[];
}

const pad8 = (n: number) => (n + 7) & ~7;
const corrupt = (message: string): never => {
  throw new HrddError('Invalid screening index file', [{ path: 'index', message }]);
};

/**
 * Writes an index as one binary file: a small JSON header (format version, list identities, section sizes), then
 * the typed arrays as they are in memory and every entry as JSON, so loading maps arrays without rebuilding and
 * parses an entry only when a hit needs it.
 */
export function serializeScreeningIndex(index: ScreeningIndex, lists: readonly SavedListIdentity[] = []): Uint8Array {
  const data = indexData(index);
  if (!data) throw new HrddError('Only an index built by buildScreeningIndex or loaded from a file can be saved');
  const encoder = new TextEncoder();
  const entryChunks: Uint8Array[] = [];
  const entryOffsets = new Uint32Array(data.entryCount + 1);
  let total = 0;
  for (let e = 0; e < data.entryCount; e++) {
    const bytes = encoder.encode(JSON.stringify(data.entryAt(e)));
    entryChunks.push(bytes);
    total += bytes.length;
    if (total > 0xffffffff) throw new HrddError('Screening index too large to save (entries over 4 GB)');
    entryOffsets[e + 1] = total;
  }
  const entryBytes = new Uint8Array(total);
  entryChunks.forEach((c, e) => {
    entryBytes.set(c, entryOffsets[e]!);
  });
  const arrays: [Section, Uint8Array][] = [
    ['termBytes', encoder.encode(data.termText)],
    ...U32_SECTIONS.map((name): [Section, Uint8Array] => {
      const a = name === 'entryOffsets' ? entryOffsets : data[name];
      return [name, new Uint8Array(a.buffer, a.byteOffset, a.byteLength)];
    }),
    ['entryBytes', entryBytes],
  ];
  const header: Header = {
    format: 'hrdd-screening-index',
    version: FORMAT_VERSION,
    entryCount: data.entryCount,
    lists: [...lists],
    sections: arrays.map(([name, a]) => ({ name, bytes: a.byteLength })),
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const start = pad8(12 + headerBytes.length);
  const size = arrays.reduce((s, [, a]) => s + pad8(a.byteLength), start);
  const out = new Uint8Array(size);
  out.set(encoder.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  let at = start;
  for (const [, a] of arrays) {
    out.set(a, at);
    at += pad8(a.byteLength);
  }
  return out;
}

/** Reads an index written by `serializeScreeningIndex`; a file of another kind or a damaged one is an `HrddError`. */
export function loadScreeningIndex(bytes: Uint8Array): { index: ScreeningIndex; lists: SavedListIdentity[] } {
  const decoder = new TextDecoder();
  if (bytes.byteLength < 12 || decoder.decode(bytes.subarray(0, 8)) !== MAGIC)
    corrupt('not an hrdd screening index (build one with `hrdd screen index build`)');
  // Typed arrays need aligned offsets: copy once if the bytes do not start on an 8-byte boundary.
  const buf = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const headerLength = new DataView(buf.buffer, buf.byteOffset, buf.byteLength).getUint32(8, true);
  let header: Header;
  try {
    header = JSON.parse(decoder.decode(buf.subarray(12, 12 + headerLength))) as Header;
  } catch {
    return corrupt('the header is damaged');
  }
  if (header.format !== 'hrdd-screening-index' || header.version !== FORMAT_VERSION)
    corrupt(`index format ${String(header.version)} is not ${FORMAT_VERSION}: rebuild it with this version`);
  const sections = new Map<string, Uint8Array>();
  let at = pad8(12 + headerLength);
  for (const s of header.sections) {
    if (at + s.bytes > buf.byteLength) corrupt(`section ${s.name} runs past the end of the file (truncated?)`);
    sections.set(s.name, buf.subarray(at, at + s.bytes));
    at += pad8(s.bytes);
  }
  const u8 = (name: string) => sections.get(name) ?? corrupt(`section ${name} is missing`);
  const u32 = (name: string) => {
    const b = u8(name);
    return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  };
  const entryBytes = u8('entryBytes');
  const entryOffsets = u32('entryOffsets');
  if (entryOffsets.length !== header.entryCount + 1) corrupt('entry table does not match the entry count');
  const data: IndexData = {
    termText: decoder.decode(u8('termBytes')),
    termOffsets: u32('termOffsets'),
    df: u32('df'),
    postOffsets: u32('postOffsets'),
    postNames: u32('postNames'),
    gramOffsets: u32('gramOffsets'),
    gramTerms: u32('gramTerms'),
    nameEntry: u32('nameEntry'),
    nameAlt: u32('nameAlt'),
    nameTokOffsets: u32('nameTokOffsets'),
    nameToks: u32('nameToks'),
    entryCount: header.entryCount,
    entryAt: (e) =>
      JSON.parse(decoder.decode(entryBytes.subarray(entryOffsets[e]!, entryOffsets[e + 1]!))) as ListEntry,
  };
  return { index: indexFromData(data), lists: header.lists };
}
