/**
 * A memory directory's entries with stable positions, as tmpfs's offset map (fs/libfs.c
 * simple_offset_*): each name gets the next position when it is added, and keeps it until it is
 * removed. getdents resumes at the first entry whose position is at or past the description's
 * offset, so entries added or removed during a listing never make it skip or repeat one that
 * stays, and an offset (telldir) stays meaningful however the directory changes.
 *
 * Entries sit in an array in position order; a removed one stays as a tombstone (its position
 * still orders the array) until tombstones outnumber the living, when the array is compacted.
 * A listing resumes in O(1) when it goes on where the last one stopped (the usual case), in
 * O(log n) otherwise; listing n entries in small pieces costs O(n).
 */

/** The first position an entry gets: 0 and 1 are `.` and `..`. */
export const FIRST_POSITION = 2;
/**
 * The offset of a description whose listing is done: getdents returns nothing more until a
 * rewind, so entries added after the end was reached are not listed (Linux's DIR_OFFSET_EOD).
 */
export const END_OF_DIRECTORY = Number.MAX_SAFE_INTEGER;
/** Compaction waits for at least this many tombstones. */
const MIN_TOMBSTONES = 32;

interface Slot<T> {
  readonly name: string;
  readonly node: T;
  readonly pos: number;
  gone: boolean;
}

export class DirEntries<T> {
  private readonly byName = new Map<string, Slot<T>>();
  private order: Slot<T>[] = [];
  private tombstones = 0;
  private nextPos = FIRST_POSITION;
  /** Where the last listing stopped: the position asked next, and its index in `order`. */
  private resumePos = -1;
  private resumeIndex = 0;

  get size(): number {
    return this.byName.size;
  }

  get(name: string): T | undefined {
    return this.byName.get(name)?.node;
  }

  /** Adds name at the end (a name already there is removed first). */
  add(name: string, node: T): void {
    if (this.byName.has(name)) this.delete(name);
    const slot: Slot<T> = { name, node, pos: this.nextPos++, gone: false };
    this.byName.set(name, slot);
    this.order.push(slot);
  }

  /** Removes name; returns its node, if it was there. */
  delete(name: string): T | undefined {
    const slot = this.byName.get(name);
    if (!slot) return undefined;
    this.byName.delete(name);
    slot.gone = true;
    this.tombstones++;
    if (this.tombstones >= MIN_TOMBSTONES && this.tombstones > this.byName.size) this.compact();
    return slot.node;
  }

  /** [name, node] in position order. */
  *entries(): IterableIterator<[string, T]> {
    for (const slot of this.byName.values()) yield [slot.name, slot.node];
  }

  /**
   * Visits the entries at or past position `from`, in order, while `visit` returns true; returns
   * the position to resume from (that of the entry refused), or undefined at the end.
   */
  listFrom(from: number, visit: (name: string, node: T) => boolean): number | undefined {
    let i = this.indexOf(from);
    for (; i < this.order.length; i++) {
      const slot = this.order[i]!;
      if (slot.gone) continue;
      if (!visit(slot.name, slot.node)) {
        this.resumePos = slot.pos;
        this.resumeIndex = i;
        return slot.pos;
      }
    }
    return undefined;
  }

  /** The index in `order` of the first slot at or past position pos. */
  private indexOf(pos: number): number {
    if (pos === this.resumePos && this.order[this.resumeIndex]?.pos === pos) return this.resumeIndex;
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.order[mid]!.pos < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    this.order = this.order.filter((s) => !s.gone);
    this.tombstones = 0;
    this.resumePos = -1;
  }
}
