import { randomUUID } from "node:crypto";
import pg from "pg";
import { defaultMigrationsDir, readMigrations } from "./migrations-folder";

// Prisma's own bookkeeping table, column for column, so `prisma migrate deploy` (where the schema
// engine exists) sees these migrations as applied.
const CREATE_PRISMA_MIGRATIONS = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// The advisory lock key Prisma's schema engine takes for migrate on Postgres, so our applier and a
// real `prisma migrate deploy` also serialise against each other.
const MIGRATION_LOCK_KEY = 72707369;

export interface ApplyMigrationsResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

/**
 * Applies pending migrations from prisma/migrations, each in its own transaction, recording them in
 * _prisma_migrations. Safe to call from several processes at once (advisory lock) and repeatedly.
 * Refuses to continue when an applied migration's file changed or a previous attempt failed,
 * as `prisma migrate deploy` does.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: { migrationsDir?: string } = {},
): Promise<ApplyMigrationsResult> {
  const migrations = readMigrations(options.migrationsDir ?? defaultMigrationsDir());
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(CREATE_PRISMA_MIGRATIONS);
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
      );
      const recorded = new Map(rows.map((row) => [row.migration_name, row]));
      const result: ApplyMigrationsResult = { applied: [], alreadyApplied: [] };
      for (const migration of migrations) {
        const previous = recorded.get(migration.name);
        if (previous?.finished_at) {
          if (previous.checksum !== migration.checksum) {
            throw new MigrationError(`Migration ${migration.name} was modified after it was applied (checksum mismatch).`);
          }
          result.alreadyApplied.push(migration.name);
          continue;
        }
        if (previous) {
          throw new MigrationError(`Migration ${migration.name} failed earlier and must be resolved by hand.`);
        }
        await applyOne(client, migration);
        result.applied.push(migration.name);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: { name: string; sql: string; checksum: string }): Promise<void> {
  // The bookkeeping row is written in the same transaction as the DDL (Postgres DDL is
  // transactional), so a failed migration leaves neither half-applied schema nor a stale record.
  try {
    await client.query("BEGIN");
    const id = randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
  }
}
