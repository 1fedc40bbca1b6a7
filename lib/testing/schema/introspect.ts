import pg from "pg";
import type { DbSchema, DbTable } from "./db-schema";

const ACTION: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

// Prisma's bookkeeping table and our partition children are not part of the modelled schema.
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

/** Reads tables, columns, keys, indexes and enums of the `public` schema from pg_catalog. */
export async function introspectDatabase(url: string): Promise<DbSchema> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const schema: DbSchema = { tables: {}, enums: {} };
    const tables = await client.query<{ oid: number; name: string }>(`
      SELECT c.oid, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`);
    const byOid = new Map<number, string>();
    for (const { oid, name } of tables.rows) {
      if (IGNORED_TABLES.has(name)) continue;
      byOid.set(oid, name);
      schema.tables[name] = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
    }
    const table = (oid: number): DbTable | undefined => schema.tables[byOid.get(oid) ?? ""];

    const columns = await client.query<{ rel: number; name: string; type: string; notnull: boolean; def: string | null }>(`
      SELECT a.attrelid AS rel, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def
      FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid = ANY($1)`, [[...byOid.keys()]]);
    for (const c of columns.rows) {
      const t = table(c.rel);
      if (t) t.columns[c.name] = { type: c.type, notNull: c.notnull, default: c.def };
    }

    const constraints = await client.query<{
      rel: number; name: string; type: string; cols: string[]; ref: number; refcols: string[] | null; del: string; upd: string;
    }>(`
      SELECT con.conrelid AS rel, con.conname AS name, con.contype AS type,
             ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS cols,
             con.confrelid AS ref,
             ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS refcols,
             con.confdeltype AS del, con.confupdtype AS upd
      FROM pg_constraint con WHERE con.contype IN ('p', 'f') AND con.conrelid = ANY($1) AND con.conparentid = 0`,
      [[...byOid.keys()]]);
    for (const c of constraints.rows) {
      const t = table(c.rel);
      if (!t) continue;
      if (c.type === "p") t.primaryKey = { name: c.name, columns: c.cols };
      else {
        t.foreignKeys[c.name] = {
          columns: c.cols,
          refTable: byOid.get(c.ref) ?? `?${c.ref}`,
          refColumns: c.refcols ?? [],
          onDelete: ACTION[c.del] ?? c.del,
          onUpdate: ACTION[c.upd] ?? c.upd,
        };
      }
    }

    const indexes = await client.query<{ rel: number; name: string; unique: boolean; cols: string[] }>(`
      SELECT i.indrelid AS rel, ic.relname AS name, i.indisunique AS unique,
             ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE NOT i.indisprimary AND i.indrelid = ANY($1)`, [[...byOid.keys()]]);
    for (const i of indexes.rows) {
      const t = table(i.rel);
      if (t) t.indexes[i.name] = { columns: i.cols, unique: i.unique };
    }

    const enums = await client.query<{ name: string; labels: string[] }>(`
      SELECT t.typname AS name, ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[] AS labels
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`);
    for (const e of enums.rows) schema.enums[e.name] = e.labels;
    return schema;
  } finally {
    await client.end();
  }
}
