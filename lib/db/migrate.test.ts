import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createEmptyTestDatabase } from "@/lib/testing";
import { applyMigrations } from "./migrate";
import { migrationChecksum, readMigrations } from "./migrations-folder";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  async function emptyDatabase() {
    const database = await createEmptyTestDatabase();
    cleanups.push(database.drop);
    return database;
  }

  it("applies every migration once and records it as prisma migrate deploy does", async () => {
    const { url } = await emptyDatabase();
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    expect(await applyMigrations(url)).toEqual({ applied: migrations.map((m) => m.name), alreadyApplied: [] });
    expect(await applyMigrations(url)).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name) });

    const rows = await query<{ migration_name: string; checksum: string; finished: boolean; applied_steps_count: number; logs: string | null; rolled_back_at: Date | null; id: string }>(
      url, `SELECT id, migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count, logs, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const file = readFileSync(path.join("prisma/migrations", row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(migrationChecksum(file));
      expect(row.checksum).toBe(migrations[i]?.checksum);
      expect(row).toMatchObject({ finished: true, applied_steps_count: 1, logs: null, rolled_back_at: null });
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("creates _prisma_migrations with Prisma's exact columns", async () => {
    const { url } = await emptyDatabase();
    await applyMigrations(url);
    const columns = await query(url, `
      SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
      FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`);
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", length: null, is_nullable: "NO", column_default: "0" },
    ]);
  });

  it("lets only one of several simultaneous callers apply each migration", async () => {
    const { url } = await emptyDatabase();
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    const count = readMigrations().length;
    expect(results.flatMap((r) => r.applied)).toHaveLength(count);
    const rows = await query<{ n: string }>(url, "SELECT count(*) AS n FROM _prisma_migrations");
    expect(Number(rows[0]?.n)).toBe(count);
  });

  it("refuses a migration edited after it was applied, and rolls back a failing one", async () => {
    const { url } = await emptyDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), "radius-migrations-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync("prisma/migrations", dir, { recursive: true });
    await applyMigrations(url, { migrationsDir: dir });

    const [first] = readMigrations(dir);
    writeFileSync(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/modified after it was applied/);
    writeFileSync(path.join(dir, first!.name, "migration.sql"), first!.sql);

    cpSync(path.join(dir, first!.name), path.join(dir, "99990101000000_broken"), { recursive: true });
    writeFileSync(path.join(dir, "99990101000000_broken", "migration.sql"), `CREATE TABLE "half_done" (id int);\nSELECT no_such_function();\n`);
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/99990101000000_broken failed/);
    const leftovers = await query(url, `SELECT to_regclass('half_done') AS t, (SELECT count(*) FROM _prisma_migrations WHERE migration_name = '99990101000000_broken')::int AS n`);
    expect(leftovers).toEqual([{ t: null, n: 0 }]);
  });
});
