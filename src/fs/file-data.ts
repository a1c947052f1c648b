/**
 * A regular file's bytes, kept as a list of chunks (tmpfs keeps a list of pages): chunk i holds
 * the bytes from i * CHUNK_SIZE on. Writing N bytes costs O(N) whatever the file's size, as no
 * write copies what was written before, except within the first chunk, which grows
 * geometrically so that a small file takes little memory. Later chunks are allocated whole when
 * first written. A chunk never written (a hole left by a write past the end or a truncate that
 * grew the file) reads as zeros and takes no memory.
 *
 * The store knows nothing of the file's size: reads are bounded by the caller (inode.ts), and
 * bytes stored past the size are kept zero by `cut`, so that a later extension reads zeros.
 */

/** Bytes per chunk: the channel's data area, so a read or write of one call is one copy. */
export const CHUNK_SIZE = 256 * 1024;
/** The first chunk's smallest allocation. */
const MIN_FIRST = 64;

export class FileData {
  /** Chunk i, or undefined for a hole. Only chunk 0 may be shorter than CHUNK_SIZE. */
  private chunks: (Uint8Array | undefined)[] = [];

  /** The end of the bytes held in memory (past it everything reads as zeros). */
  get extent(): number {
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const c = this.chunks[i];
      if (c) return i * CHUNK_SIZE + c.length;
    }
    return 0;
  }

  /** Fills buf with the bytes from pos on; holes read as zeros. */
  read(pos: number, buf: Uint8Array): void {
    spans(pos, buf.length, (i, off, n, done) => {
      const c = this.chunks[i];
      const stored = c ? Math.max(0, Math.min(n, c.length - off)) : 0;
      if (stored > 0) buf.set(c!.subarray(off, off + stored), done);
      if (stored < n) buf.fill(0, done + stored, done + n);
    });
  }

  /** Stores data at pos, allocating the chunks it touches. */
  write(pos: number, data: Uint8Array): void {
    spans(pos, data.length, (i, off, n, done) => {
      this.chunk(i, off + n).set(data.subarray(done, done + n), off);
    });
  }

  /**
   * Forgets the bytes from n up to end (a shrinking truncate, end the old size): chunks wholly
   * past n are dropped, the rest of the chunk holding n is zeroed up to end.
   */
  cut(n: number, end: number): void {
    const keep = Math.ceil(n / CHUNK_SIZE);
    if (this.chunks.length > keep) this.chunks.length = keep;
    const i = Math.floor(n / CHUNK_SIZE);
    const c = this.chunks[i]; // none when n is a chunk boundary: that chunk was dropped
    if (c) c.fill(0, n - i * CHUNK_SIZE, Math.min(c.length, end - i * CHUNK_SIZE));
  }

  /** Gives every chunk back. */
  clear(): void {
    this.chunks = [];
  }

  /** The first n bytes in one array: a view of the first chunk when it holds them, else a copy. */
  view(n: number): Uint8Array {
    const first = this.chunks[0];
    if (first && n <= first.length) return first.subarray(0, n);
    const all = new Uint8Array(n);
    this.read(0, all);
    return all;
  }

  /** Chunk i, at least `need` bytes long. */
  private chunk(i: number, need: number): Uint8Array {
    const c = this.chunks[i];
    if (c && c.length >= need) return c;
    const len = i === 0 ? Math.min(CHUNK_SIZE, Math.max(need, MIN_FIRST, (c?.length ?? 0) * 2)) : CHUNK_SIZE;
    const grown = new Uint8Array(len);
    if (c) grown.set(c);
    this.chunks[i] = grown;
    return grown;
  }
}

/** The pieces of [pos, pos + length) chunk by chunk: chunk index, offset in it, length, and how far into the range. */
function spans(pos: number, length: number, each: (chunk: number, off: number, n: number, done: number) => void): void {
  let done = 0;
  while (done < length) {
    const at = pos + done;
    const i = Math.floor(at / CHUNK_SIZE);
    const off = at - i * CHUNK_SIZE;
    const n = Math.min(length - done, CHUNK_SIZE - off);
    each(i, off, n, done);
    done += n;
  }
}
