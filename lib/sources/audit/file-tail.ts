/**
 * Follows a Vault file audit device the way `tail -F` would, and says after every batch exactly
 * where it stands (file identity + byte offset + line), so the position can be committed with the
 * batch's events.
 *
 * - Rotation (rename + new file): the open handle (or, after a restart, the rotated sibling found by
 *   its inode) is read to its end before moving to the new file. The switch waits until the new file
 *   has data: until Vault reopens its file (SIGHUP), it may still append to the renamed one.
 * - Truncation (copytruncate): the file is shorter than the offset, or its first bytes changed. The
 *   copy logrotate made (a sibling starting with the same bytes) is read from the offset to its end,
 *   then the truncated file from 0. Lines Vault wrote between logrotate's copy and its truncate are
 *   lost by copytruncate itself; a problem is recorded when no copy is found.
 * - A line is only consumed once its newline is there (Vault may be mid-write); a rotated file's
 *   unterminated last line is taken as it is.
 */
import { open, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { EventBatch, AuditProblem } from "./event-batch";
import { FINGERPRINT_BYTES, fingerprintOf, rotatedSiblings, sameFile, statId, type FileId } from "./file-identity";
import type { SourcePosition, StoredCheckpoint } from "./write-batch";

const CHUNK_BYTES = 1 << 20;

export interface TailBatch {
  batch: EventBatch;
  position: SourcePosition;
  /** The checkpoint the store must hold before this batch (null: none yet). */
  expected: { inode: string; offset: number } | null;
}

interface OpenFile extends FileId {
  fh: FileHandle;
  /** The name it was opened under (the live path or a rotated sibling), for problem reports. */
  name: string;
  offset: number;
  line: number;
  fingerprint: string;
  fingerprintBytes: number;
}

export const fileSourceId = (file: string): string => `file:${path.resolve(file)}`;

export class AuditFileTail {
  readonly source: string;
  private cur: OpenFile | null = null;
  private cursor: StoredCheckpoint | null;

  constructor(readonly file: string, checkpoint: StoredCheckpoint | null, private readonly newBatch: () => EventBatch, private readonly maxLines = 20_000) {
    this.file = path.resolve(file);
    this.source = fileSourceId(this.file);
    this.cursor = checkpoint && checkpoint.inode ? checkpoint : null;
  }

  async close(): Promise<void> {
    await this.cur?.fh.close().catch(() => undefined);
    this.cur = null;
  }

  /** Reads everything available now; yields batches in order. */
  async *read(): AsyncGenerator<TailBatch> {
    const problems: AuditProblem[] = [];
    if (!this.cur) {
      this.cur = await this.reopen(problems);
      if (!this.cur) return;
    }
    for (;;) {
      yield* this.drain(this.cur, false, problems);
      problems.length = 0;
      const live = await statId(this.file);
      if (live && !sameFile(live, this.cur)) {
        if (live.size === 0) return; // Vault has not reopened yet: keep the old file
        yield* this.drain(this.cur, true, []);
        await this.cur.fh.close().catch(() => undefined);
        this.cur = await this.openAt(this.file, live, 0, 0);
        continue;
      }
      if (live && (live.size < this.cur.offset || !(await this.samePrefix(this.cur)))) {
        yield* this.readCopyAfterTruncation(this.cur, problems);
        this.cur.offset = 0;
        this.cur.line = 0;
        this.cur.fingerprint = "";
        this.cur.fingerprintBytes = 0;
        continue;
      }
      return;
    }
  }

  /** After a (re)start: the file the checkpoint names, wherever it is now. */
  private async reopen(problems: AuditProblem[]): Promise<OpenFile | null> {
    const live = await statId(this.file);
    const c = this.cursor;
    if (!c) return live ? this.openAt(this.file, live, 0, 0) : null;
    let found: { file: string; id: FileId } | null = live && sameFile(live, c) ? { file: this.file, id: live } : null;
    if (!found) {
      const sibling = (await rotatedSiblings(this.file)).find((s) => sameFile(s, c));
      if (sibling) found = { file: sibling.file, id: sibling };
    }
    if (found) {
      const f = await this.openAt(found.file, found.id, c.offset, c.line);
      const fp = await fingerprintOf(f.fh, c.fingerprintBytes);
      if (fp === c.fingerprint) {
        f.fingerprint = c.fingerprint;
        f.fingerprintBytes = c.fingerprintBytes;
        return f;
      }
      await f.fh.close();
      if (found.file === this.file) {
        // Same inode, other first bytes: truncated and rewritten while we were down.
        const copy = await this.findCopy(c);
        if (copy) return this.openAt(copy.file, copy, c.offset, c.line);
      }
    }
    problems.push({ file: this.file, line: c.line, offset: c.offset, message: `the file read up to offset ${c.offset} (inode ${c.inode}) was truncated, rewritten or removed; events written after that offset in it could not be read`, excerpt: "" });
    return live ? this.openAt(this.file, live, 0, 0) : null;
  }

  private async *readCopyAfterTruncation(f: OpenFile, problems: AuditProblem[]): AsyncGenerator<TailBatch> {
    const copy = await this.findCopy(f);
    if (!copy) {
      problems.push({ file: f.name, line: f.line, offset: f.offset, message: `file truncated after offset ${f.offset} and no rotated copy found; lines written between the last read and the truncation may be missing`, excerpt: "" });
      yield this.emit(f, this.newBatch(), problems);
      return;
    }
    const c = await this.openAt(copy.file, copy, f.offset, f.line);
    try {
      yield* this.drain(c, true, problems);
    } finally {
      await c.fh.close().catch(() => undefined);
    }
  }

  /** A rotated sibling (another inode) that starts with the same bytes and is at least as long. */
  private async findCopy(c: { fingerprint: string; fingerprintBytes: number; offset: number } & FileId) {
    for (const s of await rotatedSiblings(this.file)) {
      if (sameFile(s, c) || s.size < c.offset) continue;
      const fh = await open(s.file, "r");
      try {
        if ((await fingerprintOf(fh, c.fingerprintBytes)) === c.fingerprint) return s;
      } finally {
        await fh.close();
      }
    }
    return null;
  }

  private async samePrefix(f: OpenFile): Promise<boolean> {
    return f.fingerprintBytes === 0 || (await fingerprintOf(f.fh, f.fingerprintBytes)) === f.fingerprint;
  }

  private async openAt(file: string, id: FileId, offset: number, line: number): Promise<OpenFile> {
    return { fh: await open(file, "r"), device: id.device, inode: id.inode, name: file, offset, line, fingerprint: "", fingerprintBytes: 0 };
  }

  /** Complete lines from f.offset to the end; `final`: the file will not grow, take a last unterminated line too. */
  private async *drain(f: OpenFile, final: boolean, problems: AuditProblem[]): AsyncGenerator<TailBatch> {
    let batch = this.newBatch();
    const pending = [...problems];
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let carry = Buffer.alloc(0);
    let readPos = f.offset;
    for (;;) {
      const { bytesRead } = await f.fh.read(buf, 0, CHUNK_BYTES, readPos);
      if (bytesRead === 0) break;
      readPos += bytesRead;
      const data = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
      const base = f.offset;
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        f.line++;
        batch.addLine(data.toString("utf8", start, nl), { file: f.name, line: f.line, offset: base + start });
        start = nl + 1;
        if (batch.size + batch.malformed >= this.maxLines) {
          f.offset = base + start;
          yield await this.emitAsync(f, batch, pending.splice(0));
          batch = this.newBatch();
        }
      }
      f.offset = base + start;
      carry = Buffer.from(data.subarray(start));
    }
    if (final && carry.length > 0) {
      f.line++;
      batch.addLine(carry.toString("utf8"), { file: f.name, line: f.line, offset: f.offset });
      f.offset += carry.length;
    }
    const moved = this.cursor === null || this.cursor.inode !== f.inode || this.cursor.offset !== f.offset;
    if (batch.size > 0 || batch.malformed > 0 || pending.length > 0 || moved) yield await this.emitAsync(f, batch, pending.splice(0));
  }

  private async emitAsync(f: OpenFile, batch: EventBatch, problems: AuditProblem[]): Promise<TailBatch> {
    const want = Math.min(f.offset, FINGERPRINT_BYTES);
    if (f.fingerprintBytes < want) {
      f.fingerprint = await fingerprintOf(f.fh, want);
      f.fingerprintBytes = want;
    }
    return this.emit(f, batch, problems);
  }

  private emit(f: OpenFile, batch: EventBatch, problems: AuditProblem[]): TailBatch {
    for (const p of problems) batch.addProblem(p);
    const position: SourcePosition = { source: this.source, device: f.device, inode: f.inode, offset: f.offset, line: f.line, fingerprint: f.fingerprint, fingerprintBytes: f.fingerprintBytes };
    const expected = this.cursor ? { inode: this.cursor.inode, offset: this.cursor.offset } : null;
    this.cursor = { device: f.device, inode: f.inode, offset: f.offset, line: f.line, fingerprint: f.fingerprint, fingerprintBytes: f.fingerprintBytes };
    return { batch, position, expected };
  }
}
