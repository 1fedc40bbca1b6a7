import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "../db/create-client";
import { TEMPLATE_DATABASE, withDatabase } from "./test-postgres";

export interface TestDatabase {
  name: string;
  url: string;
  /** Superuser connection URL of the server (e.g. to disable a trigger in a test). */
  adminUrl: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

/**
 * A fresh, fully migrated database cloned from the run's template. Each test file (or test) gets
 * its own, so tests never share state and can run in parallel. Call drop() in afterAll/afterEach.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl } = inject("radiusPostgres");
  const name = `radius_test_${randomBytes(6).toString("hex")}`;
  await runAdmin(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(TEMPLATE_DATABASE)}`);
  const url = withDatabase(adminUrl, name);
  // Expected failures (trigger rejections, constraint tests) would otherwise be logged as errors.
  const prisma = createPrismaClient(url, { maxConnections: 5, log: ["warn"] });
  return {
    name,
    url,
    adminUrl,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await runAdmin(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    },
  };
}

/** A database with no migrations applied, for tests of the migration applier itself. */
export async function createEmptyTestDatabase(): Promise<Omit<TestDatabase, "prisma">> {
  const { adminUrl } = inject("radiusPostgres");
  const name = `radius_empty_${randomBytes(6).toString("hex")}`;
  await runAdmin(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE template0`);
  return {
    name,
    url: withDatabase(adminUrl, name),
    adminUrl,
    drop: () => runAdmin(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  };
}

async function runAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
