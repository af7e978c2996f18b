const NEWLINE = Buffer.from('\n');

/** A line that ended: its number, the index of its newline in the current buffer, whether it was too long. */
export interface EndedLine {
  line: number;
  end: number;
  oversized: boolean;
}

/**
 * Cuts NDJSON input into lines on the raw bytes, holding the bytes of lines not yet sent to a worker. A line longer
 * than `maxLineBytes` is never held whole: its bytes are dropped as they arrive and an empty line stands in for it
 * (the worker is told to give it an error record), so one huge line cannot exhaust memory. The first `skip` lines
 * (already written by an interrupted run) are read past.
 */
export class LineCutter {
  /** Lines seen so far, skipped ones included. */
  lineNo = 0;
  private pending: Buffer[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  /** First byte of `buffer` not yet in `pending`. */
  private segStart = 0;
  /** Start of the current line in `buffer`. */
  private lineStart = 0;
  /** Bytes of the current line held in `pending` from earlier buffers. */
  private carried = 0;
  /** The current line is too long: its bytes are being dropped. */
  private dropping = false;

  constructor(
    private readonly maxLineBytes: number,
    private skip = 0,
  ) {}

  /** Reads a buffer, yielding each line that ends in it. Call `cut` after a yield to end a chunk there. */
  *push(buffer: Buffer): Generator<EndedLine> {
    this.buffer = buffer;
    this.segStart = 0;
    this.lineStart = 0;
    for (let nl = buffer.indexOf(10); nl !== -1; nl = buffer.indexOf(10, nl + 1)) {
      this.lineNo++;
      if (this.skip > 0) {
        this.skip--;
        this.segStart = this.lineStart = nl + 1;
        this.carried = 0;
        this.dropping = false;
        continue;
      }
      const oversized = this.dropping || this.carried + (nl - this.lineStart) > this.maxLineBytes;
      if (oversized) {
        if (this.lineStart > this.segStart) this.pending.push(buffer.subarray(this.segStart, this.lineStart));
        this.trim(this.carried);
        this.pending.push(NEWLINE);
        this.segStart = nl + 1;
        this.dropping = false;
      }
      this.carried = 0;
      this.lineStart = nl + 1;
      yield { line: this.lineNo, end: nl, oversized };
    }
  }

  /** Ends the pending bytes after the newline at `end` of the current buffer. */
  cut(end: number): void {
    if (end + 1 > this.segStart) this.pending.push(this.buffer.subarray(this.segStart, end + 1));
    this.segStart = end + 1;
  }

  /** Keeps the current buffer's bytes after its last newline (the start of a line), unless that line is too long. */
  keepRest(): void {
    const buffer = this.buffer;
    if (this.skip > 0 || this.dropping) return;
    const rest = buffer.length - this.lineStart;
    if (this.carried + rest > this.maxLineBytes) {
      if (this.lineStart > this.segStart) this.pending.push(buffer.subarray(this.segStart, this.lineStart));
      this.trim(this.carried);
      this.carried = 0;
      this.dropping = true;
    } else {
      if (buffer.length > this.segStart) this.pending.push(buffer.subarray(this.segStart));
      this.carried += rest;
    }
    this.segStart = buffer.length;
  }

  /** At the end of the input: the last line when it has no newline. */
  end(): Omit<EndedLine, 'end'> | undefined {
    if (this.skip > 0 || (this.carried === 0 && !this.dropping)) return undefined;
    this.lineNo++;
    return { line: this.lineNo, oversized: this.dropping };
  }

  /** The bytes held for the lines read so far; they are no longer held here. */
  take(): Buffer[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  /** Drops the last `bytes` bytes held. */
  private trim(bytes: number): void {
    let left = bytes;
    while (left > 0) {
      const last = this.pending.pop()!;
      if (last.length > left) this.pending.push(last.subarray(0, last.length - left));
      left -= Math.min(left, last.length);
    }
  }
}
