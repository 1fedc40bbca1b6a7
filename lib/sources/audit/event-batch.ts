/**
 * One batch of audit lines on its way to Postgres, held column by column (the shape the unnest
 * insert takes, and far fewer objects than one per event), plus the batch's value reads folded
 * into identity x secret x day, its malformed lines, and where it ends in its source.
 */
import { isValueRead, parseAuditLine } from "./parse-entry";
import type { KeyResolver } from "./resolve-keys";

export const POLICY_SEPARATOR = "\u001f";
/** Malformed lines stored per batch; the checkpoint's `malformed` counts every one. */
export const MAX_PROBLEMS_PER_BATCH = 100;

export interface AuditProblem {
  file: string;
  line: number | null;
  offset: number | null;
  message: string;
  excerpt: string;
}

export interface DailyRead {
  identityKey: string;
  secretKey: string;
  day: string;
  reads: number;
  firstMs: number;
  lastMs: number;
}

export class EventBatch {
  readonly time: string[] = [];
  readonly type: string[] = [];
  readonly operation: (string | null)[] = [];
  readonly path: (string | null)[] = [];
  readonly mount: (string | null)[] = [];
  readonly remoteAddress: (string | null)[] = [];
  readonly tokenAccessor: (string | null)[] = [];
  readonly entityId: (string | null)[] = [];
  readonly displayName: (string | null)[] = [];
  readonly identityKey: (string | null)[] = [];
  readonly secretKey: (string | null)[] = [];
  readonly policies: string[] = [];
  readonly tokenType: (string | null)[] = [];
  readonly isRoot: boolean[] = [];
  readonly error: (string | null)[] = [];
  readonly requestId: (string | null)[] = [];
  readonly days = new Set<string>();
  readonly reads = new Map<string, DailyRead>();
  readonly problems: AuditProblem[] = [];
  malformed = 0;
  /** Some value holds \x1d or \x1e (escaped in the JSON): write-batch then sends arrays. */
  controlCharacters = false;
  minMs = Infinity;
  maxMs = -Infinity;

  constructor(readonly cluster: string, private readonly resolver: KeyResolver | null) {}

  get size(): number {
    return this.time.length;
  }

  /** Parses and adds one line; a malformed line becomes a problem at (file, line, offset). */
  addLine(text: string, where: { file: string; line: number | null; offset: number | null }): void {
    if (text.trim() === "") return;
    const parsed = parseAuditLine(text);
    if (!parsed.ok) {
      this.addProblem({ ...where, message: parsed.message, excerpt: text.slice(0, 200) });
      return;
    }
    const e = parsed.entry;
    if (!this.controlCharacters && text.includes("\\u001") && /\\u001[de]/i.test(text)) this.controlCharacters = true;
    const secret = this.resolver ? this.resolver.resolveSecret(e) : null;
    const identity = this.resolver ? this.resolver.resolveIdentity(e, secret) : null;
    this.time.push(e.time);
    this.type.push(e.type);
    this.operation.push(e.operation);
    this.path.push(e.path);
    this.mount.push(e.mount);
    this.remoteAddress.push(e.remoteAddress);
    this.tokenAccessor.push(e.tokenAccessor);
    this.entityId.push(e.entityId);
    this.displayName.push(e.displayName);
    this.identityKey.push(identity);
    this.secretKey.push(secret);
    this.policies.push(e.policies.join(POLICY_SEPARATOR));
    this.tokenType.push(e.tokenType);
    this.isRoot.push(e.isRoot);
    this.error.push(e.error);
    this.requestId.push(e.requestId);
    const day = e.time.endsWith("Z") && e.time.length >= 20 ? e.time.slice(0, 10) : new Date(e.timeMs).toISOString().slice(0, 10);
    this.days.add(day);
    if (e.timeMs < this.minMs) this.minMs = e.timeMs;
    if (e.timeMs > this.maxMs) this.maxMs = e.timeMs;
    if (identity && secret && isValueRead(e)) this.countRead(identity, secret, day, e.timeMs);
  }

  addProblem(p: AuditProblem): void {
    this.malformed++;
    if (this.problems.length < MAX_PROBLEMS_PER_BATCH) this.problems.push(p);
  }

  private countRead(identityKey: string, secretKey: string, day: string, ms: number): void {
    const k = `${identityKey}\u0000${secretKey}\u0000${day}`;
    const r = this.reads.get(k);
    if (!r) this.reads.set(k, { identityKey, secretKey, day, reads: 1, firstMs: ms, lastMs: ms });
    else {
      r.reads++;
      if (ms < r.firstMs) r.firstMs = ms;
      if (ms > r.lastMs) r.lastMs = ms;
    }
  }
}
