import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface MigrationFile {
  /** Folder name, e.g. "20261203190000_init"; Prisma's migration_name. */
  name: string;
  sql: string;
  /** sha256 hex of migration.sql, as Prisma stores in _prisma_migrations.checksum. */
  checksum: string;
}

/** Default location, resolved from the working directory (the repo root for npm scripts and tests). */
export function defaultMigrationsDir(): string {
  return path.resolve(process.cwd(), "prisma", "migrations");
}

export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Prisma's folder format: one folder per migration holding migration.sql, applied in name order. */
export function readMigrations(migrationsDir = defaultMigrationsDir()): MigrationFile[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}
