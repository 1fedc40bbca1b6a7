/**
 * For sync tests: the demo organisation written to a temp dir, the Vault stand-in serving it, a
 * migrated test database, and SyncDeps wired to all three.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
/* eslint-disable import/no-restricted-paths -- test wiring only (imported by *.test.ts): tests talk to the stand-in, as the demo run does */
import { DEMO_TOKENS, generateDemoOrganisation, writeDemoOrganisation, type GroundTruth } from "@/lib/demo/generator";
import { TEST_NOW } from "@/lib/demo/generator/test-fixture";
import { startVaultStandin, type VaultStandin } from "@/lib/demo/vault-standin";
import type { VaultWorld } from "@/lib/demo/vault-world";
/* eslint-enable import/no-restricted-paths */
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import { createVaultReader } from "@/lib/vault";
import type { SyncConfig } from "./sync-config";
import type { SyncDeps } from "./types";

export interface SyncWorld {
  dir: string;
  groundTruth: GroundTruth;
  standin: VaultStandin;
  database: TestDatabase;
  config: SyncConfig;
  deps(overrides?: Partial<SyncDeps> & { token?: string }): SyncDeps;
  close(): Promise<void>;
}

export async function startSyncWorld(options: { scale?: number } = {}): Promise<SyncWorld> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "radius-sync-"));
  const org = generateDemoOrganisation({ seed: 1, scale: options.scale ?? 1, now: TEST_NOW });
  await writeDemoOrganisation(org, dir);
  const world = JSON.parse(await readFile(path.join(dir, "world.json"), "utf8")) as VaultWorld;
  const standin = await startVaultStandin({ world });
  const database = await createTestDatabase();
  const config: SyncConfig = {
    vault: { addresses: [standin.url], token: DEMO_TOKENS.readonly, concurrency: 8, timeoutMs: 10_000 },
    terraform: { repo: path.join(dir, "terraform"), branch: "main", dir: "." },
    manifestsDir: path.join(dir, "manifests"),
    workflowsDir: path.join(dir, "workflows"),
    catalogPath: path.join(dir, "catalog"),
    ciOwner: org.company.githubOrg,
    intervalMinutes: 0,
  };
  return {
    dir,
    groundTruth: org.groundTruth,
    standin,
    database,
    config,
    deps: ({ token, ...overrides } = {}) => ({
      db: database.prisma,
      databaseUrl: database.url,
      config,
      now: () => TEST_NOW,
      log: () => undefined,
      // No retries with backoff: fault tests should fail fast.
      createReader: (address) => createVaultReader({ address, token: token ?? DEMO_TOKENS.readonly, retries: 0, timeoutMs: 10_000 }),
      ...overrides,
    }),
    close: async () => {
      await standin.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Ground-truth identity keys -> snapshot identity keys. */
export function toIdentityKey(cluster: string, groundTruthKey: string): string {
  if (groundTruthKey.startsWith("group:")) return `${cluster}:group/${groundTruthKey.slice("group:".length)}`;
  const [, mount, role] = groundTruthKey.split(":");
  return `${cluster}:${mount}/${role}`;
}
