/**
 * Stores one batch and moves its source's checkpoint in ONE transaction: events (one unnest insert
 * into the day-partitioned audit_events), daily read rollups and access_stats, malformed-line
 * problems, checkpoint. Either all of it is there after a crash or none of it, so a restart
 * resumes at the checkpoint with no loss and no duplicate.
 *
 * The checkpoint row is locked and compared with where the batch started: if anyone else moved it
 * (which the advisory lock should make impossible), the batch is rolled back instead of stored twice.
 */
import type pg from "pg";
import { addDailyReads } from "./access-rollups";
import type { EventBatch } from "./event-batch";

export interface SourcePosition {
  /** "file:<absolute path>" or "socket:<port>". */
  source: string;
  device: string;
  inode: string;
  offset: number;
  line: number;
  fingerprint: string;
  fingerprintBytes: number;
}

export class CheckpointMovedError extends Error {
  constructor(source: string, found: string, expected: string) {
    super(`The checkpoint of ${source} moved under this ingestion (another instance ingesting?): found ${found}, expected ${expected}; batch rolled back`);
    this.name = "CheckpointMovedError";
  }
}

/**
 * Each column travels as ONE text parameter, its values joined by \x1e (NULL written as \x1d), and
 * is split by string_to_array in Postgres: joining is a native string operation, where node-postgres
 * would escape every element of an array parameter in JavaScript (most of the encoding time). A batch
 * holding either control character in a value (JSON can carry them escaped) goes as arrays instead.
 */
const COLUMN_SEPARATOR = "\u001e";
const NULL_MARK = "\u001d";
const TEXT_COLUMNS = ["t", "ty", "op", "p", "m", "ra", "ta", "ei", "dn", "ik", "sk", "po", "tt", "ir", "er", "ri"];
const select = `SELECT u.t::timestamptz, $1, u.ty, u.op, u.p, u.m, u.ra, u.ta, u.ei, u.dn, u.ik, u.sk,
  CASE WHEN u.po = '' THEN ARRAY[]::text[] ELSE string_to_array(u.po, E'\\x1f') END, u.tt, u.ir::bool, u.er, u.ri`;
const INSERT_HEAD = `INSERT INTO audit_events (time, cluster, type, operation, path, mount, remote_address, token_accessor, entity_id,
  display_name, identity_key, secret_key, policies, token_type, is_root, error, request_id)`;
const INSERT_EVENTS_JOINED = `${INSERT_HEAD}
${select}
FROM unnest(${TEXT_COLUMNS.map((_, i) => `string_to_array($${i + 2}, E'\\x1e', E'\\x1d')`).join(", ")}) AS u(${TEXT_COLUMNS.join(", ")})`;
const INSERT_EVENTS_ARRAYS = `${INSERT_HEAD}
${select}
FROM unnest(${TEXT_COLUMNS.map((_, i) => `$${i + 2}::text[]`).join(", ")}) AS u(${TEXT_COLUMNS.join(", ")})`;

function eventColumns(batch: EventBatch): (string | boolean | null)[][] {
  return [
    batch.time, batch.type, batch.operation, batch.path, batch.mount, batch.remoteAddress, batch.tokenAccessor, batch.entityId,
    batch.displayName, batch.identityKey, batch.secretKey, batch.policies, batch.tokenType, batch.isRoot, batch.error, batch.requestId,
  ];
}

const joinColumn = (values: (string | boolean | null)[]): string => values.map((v) => (v === null ? NULL_MARK : typeof v === "boolean" ? (v ? "t" : "f") : v)).join(COLUMN_SEPARATOR);

export class AuditBatchWriter {
  private readonly knownDays = new Set<string>();

  constructor(private readonly client: pg.ClientBase, private readonly now: () => Date = () => new Date()) {}

  /** After retention dropped partitions, forget which days were known to exist. */
  forgetPartitions(): void {
    this.knownDays.clear();
  }

  /**
   * `start`: the checkpoint the batch expects to find (where it begins); null = the source has none
   * yet; "unchecked" for sources without a position (socket).
   */
  async write(batch: EventBatch, position: SourcePosition, start: { inode: string; offset: number } | null | "unchecked"): Promise<void> {
    await this.ensurePartitions(batch.days);
    const c = this.client;
    await c.query("BEGIN");
    try {
      if (start !== "unchecked") {
        const { rows } = await c.query<{ inode: string; offset: string }>(`SELECT inode, "offset"::text AS "offset" FROM audit_ingest_checkpoints WHERE source = $1 FOR UPDATE`, [position.source]);
        const row = rows[0];
        const moved = start === null ? row !== undefined : !row || row.inode !== start.inode || Number(row.offset) !== start.offset;
        if (moved) throw new CheckpointMovedError(position.source, row ? `${row.inode}@${row.offset}` : "none", start ? `${start.inode}@${start.offset}` : "none");
      }
      if (batch.size > 0) {
        const columns = eventColumns(batch);
        if (batch.controlCharacters) await c.query(INSERT_EVENTS_ARRAYS, [batch.cluster, ...columns.map((col) => col.map((v) => (typeof v === "boolean" ? (v ? "t" : "f") : v)))]);
        else await c.query(INSERT_EVENTS_JOINED, [batch.cluster, ...columns.map(joinColumn)]);
      }
      await addDailyReads(c, [...batch.reads.values()], this.now());
      if (batch.problems.length > 0) {
        const p = batch.problems;
        await c.query(
          `INSERT INTO audit_ingest_problems (source, file, line, "offset", message, excerpt)
           SELECT $1, * FROM unnest($2::text[], $3::int8[], $4::int8[], $5::text[], $6::text[])`,
          [position.source, p.map((x) => x.file), p.map((x) => x.line), p.map((x) => x.offset), p.map((x) => x.message), p.map((x) => x.excerpt)],
        );
      }
      await saveCheckpoint(c, position, batch);
      await c.query("COMMIT");
    } catch (error) {
      await c.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  private async ensurePartitions(days: Set<string>): Promise<void> {
    const missing = [...days].filter((d) => !this.knownDays.has(d));
    if (missing.length === 0) return;
    await this.client.query(`SELECT radius_ensure_audit_event_partition(d) FROM unnest($1::date[]) AS d`, [missing]);
    for (const d of missing) this.knownDays.add(d);
  }
}

async function saveCheckpoint(c: pg.ClientBase, p: SourcePosition, batch: EventBatch): Promise<void> {
  const first = batch.size > 0 ? new Date(batch.minMs).toISOString() : null;
  const last = batch.size > 0 ? new Date(batch.maxMs).toISOString() : null;
  await c.query(
    `INSERT INTO audit_ingest_checkpoints (source, device, inode, "offset", line, fingerprint, fingerprint_bytes, events, malformed, first_event_at, last_event_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
     ON CONFLICT (source) DO UPDATE SET device = EXCLUDED.device, inode = EXCLUDED.inode, "offset" = EXCLUDED."offset", line = EXCLUDED.line,
       fingerprint = EXCLUDED.fingerprint, fingerprint_bytes = EXCLUDED.fingerprint_bytes,
       events = audit_ingest_checkpoints.events + EXCLUDED.events, malformed = audit_ingest_checkpoints.malformed + EXCLUDED.malformed,
       first_event_at = LEAST(audit_ingest_checkpoints.first_event_at, EXCLUDED.first_event_at),
       last_event_at = GREATEST(audit_ingest_checkpoints.last_event_at, EXCLUDED.last_event_at), updated_at = now()`,
    [p.source, p.device, p.inode, p.offset, p.line, p.fingerprint, p.fingerprintBytes, batch.size, batch.malformed, first, last],
  );
}

export interface StoredCheckpoint {
  device: string;
  inode: string;
  offset: number;
  line: number;
  fingerprint: string;
  fingerprintBytes: number;
}

export async function loadCheckpoint(client: pg.ClientBase, source: string): Promise<StoredCheckpoint | null> {
  const { rows } = await client.query<{ device: string; inode: string; offset: string; line: string; fingerprint: string; fingerprint_bytes: number }>(
    `SELECT device, inode, "offset"::text AS "offset", line::text AS line, fingerprint, fingerprint_bytes FROM audit_ingest_checkpoints WHERE source = $1`,
    [source],
  );
  const r = rows[0];
  return r ? { device: r.device, inode: r.inode, offset: Number(r.offset), line: Number(r.line), fingerprint: r.fingerprint, fingerprintBytes: r.fingerprint_bytes } : null;
}
