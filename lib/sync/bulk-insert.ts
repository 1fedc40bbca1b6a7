/**
 * Fast bulk inserts over one node-postgres connection: each chunk is ONE statement,
 * `INSERT ... SELECT FROM unnest($1::uuid[], $2::text[], ...)`, so 10,000 rows cost one round
 * trip and one parameter per column (createMany would bind one parameter per cell and split at
 * 32,767 of them). Array columns travel as one string joined by \x1f and are split in SQL,
 * because unnest cannot take ragged nested arrays.
 */
import type pg from "pg";

export const ARRAY_SEPARATOR = "\u001f";

export interface ColumnSpec<R> {
  name: string;
  /** Element type of the parameter array: uuid, text, int4, bool, timestamptz, jsonb. */
  type: "uuid" | "text" | "int4" | "bool" | "timestamptz" | "jsonb" | "text-list";
  /** Postgres type to cast to on insert (enums). */
  cast?: string;
  value: (row: R) => unknown;
}

export interface TableSpec<R> {
  table: string;
  columns: ColumnSpec<R>[];
}

export const CHUNK_ROWS = 10_000;

/**
 * Inserts `rows` into `spec.table` with `snapshot_id` set, chunk by chunk. With several clients
 * the chunks are shared out (each client takes the next one when done), so Postgres works on one
 * chunk while Node encodes the next: on 2+ cores this roughly halves the write of a big table.
 */
export async function bulkInsert<R>(clients: readonly pg.ClientBase[], spec: TableSpec<R>, snapshotId: string, rows: readonly R[], onRows?: (n: number) => Promise<void> | void): Promise<void> {
  if (rows.length === 0) return;
  const sql = insertSql(spec);
  let next = 0;
  const worker = async (client: pg.ClientBase) => {
    while (next < rows.length) {
      const chunk = rows.slice(next, next + CHUNK_ROWS);
      next += CHUNK_ROWS;
      const params: unknown[] = [snapshotId, ...spec.columns.map((c) => chunk.map((row) => encode(c, c.value(row))))];
      await client.query(sql, params);
      await onRows?.(chunk.length);
    }
  };
  const workers = clients.slice(0, Math.ceil(rows.length / CHUNK_ROWS)).map(worker);
  // allSettled: a failing worker must not leave another mid-query on a connection the caller closes.
  const results = await Promise.allSettled(workers);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

function insertSql<R>(spec: TableSpec<R>): string {
  const names = ["snapshot_id", ...spec.columns.map((c) => c.name)].map((n) => `"${n}"`).join(", ");
  const aliases = spec.columns.map((_, i) => `c${i}`);
  const select = spec.columns.map((c, i) => {
    if (c.type === "text-list") return `string_to_array(u.c${i}, E'\\x1f')`;
    return c.cast ? `u.c${i}::${c.cast}` : `u.c${i}`;
  });
  const unnest = spec.columns.map((c, i) => `$${i + 2}::${c.type === "text-list" ? "text" : c.type}[]`);
  return `INSERT INTO "${spec.table}" (${names}) SELECT $1::uuid, ${select.join(", ")} FROM unnest(${unnest.join(", ")}) AS u(${aliases.join(", ")})`;
}

function encode<R>(column: ColumnSpec<R>, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case "jsonb":
      return JSON.stringify(value);
    case "text-list":
      return (value as string[]).join(ARRAY_SEPARATOR);
    case "bool":
      return value ? "true" : "false";
    case "timestamptz":
      return value instanceof Date ? value.toISOString() : String(value);
    default:
      return value;
  }
}
