// vitest globalSetup: ONE embedded Postgres for the whole run, with a template database that has
// every migration applied. Test files clone it (createTestDatabase) in a few hundred milliseconds
// instead of migrating their own database.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrate";
import { TEMPLATE_DATABASE, type TestPostgres } from "./test-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    radiusPostgres: TestPostgres;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(path.join(os.tmpdir(), "radius-test-pg-"));
  // The server runs as the "postgres" system user (we run as root), which must traverse this dir.
  chmodSync(root, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, "data"),
    database: TEMPLATE_DATABASE,
    unsafeFast: true,
  });
  try {
    await applyMigrations(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide("radiusPostgres", { adminUrl: server.urlFor("postgres"), templateUrl: server.url });
  return async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
