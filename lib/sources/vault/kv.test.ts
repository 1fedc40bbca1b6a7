/** KV walk edge cases on an extended demo world: nesting, secret-and-folder names, KV v1, bad metadata. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KvSecret } from "@/lib/demo/vault-world";
import { collectVaultInventory, type VaultInventory } from "./collect-inventory";
import { DEMO_CANARY_PREFIX, demoOrganisation, startCluster, type Cluster } from "./test-support";

const T = "2025-03-01T00:00:00Z";
const secret = (path: string, custom: Record<string, string> | null = null, versions = 2): KvSecret => ({
  path, createdTime: T, updatedTime: T, currentVersion: versions, maxVersions: 0, casRequired: false, deleteVersionAfter: "0s",
  customMetadata: custom,
  versions: Object.fromEntries(Array.from({ length: versions }, (_, i) => [String(i + 1), { createdTime: `2025-0${i + 3}-01T00:00:00Z`, deletionTime: i === 0 ? T : "", destroyed: false }])),
  data: { value: `${DEMO_CANARY_PREFIX}edge-${path}` },
});

const world = demoOrganisation(1).clusters[0]!;
world.mounts.push(
  {
    type: "kv", path: "kv-staging", version: 2, accessor: "kv_edge0001", description: "edge cases",
    secrets: [secret("app"), secret("app/child"), secret("a/b/c/d/e/f/deep"), secret("with space/x y"), secret("ops/rotating", { rotation_period: "every tuesday", owner: "team-ops" })],
  },
  { type: "kv", path: "legacy", version: 1, accessor: "kv_edge0002", description: "KV v1", secrets: [secret("billing/prod/ftp", null, 0), secret("readme", null, 0)] },
);
world.policies["radius-readonly"] += '\npath "kv-staging/metadata/*" {\n  capabilities = ["read", "list"]\n}\npath "legacy/*" {\n  capabilities = ["list"]\n}\n';

let cluster: Cluster;
let inventory: VaultInventory;
beforeAll(async () => {
  cluster = await startCluster(world);
  inventory = await collectVaultInventory(cluster.reader, { concurrency: 8 });
});
afterAll(() => cluster.standin.close());

const find = (mount: string, path: string) => inventory.secrets.find((s) => s.mount === mount && s.path === path);

describe("KV walk", () => {
  it("finds secrets that are also folders, deep paths and names needing encoding", () => {
    const paths = inventory.secrets.filter((s) => s.mount === "kv-staging").map((s) => s.path).sort();
    expect(paths).toEqual(["a/b/c/d/e/f/deep", "app", "app/child", "ops/rotating", "with space/x y"]);
    expect(find("kv-staging", "app")).toMatchObject({ environment: "staging", currentVersion: 2, lastRotatedAt: "2025-04-01T00:00:00Z" });
    expect(find("kv-staging", "app")!.versions).toEqual([
      { version: 1, createdTime: "2025-03-01T00:00:00Z", deletionTime: T, destroyed: false },
      { version: 2, createdTime: "2025-04-01T00:00:00Z", deletionTime: null, destroyed: false },
    ]);
  });

  it("keeps a secret whose rotation_period is not a duration, with a warning", () => {
    expect(find("kv-staging", "ops/rotating")).toMatchObject({ rotationPeriodSeconds: null, ownerTeam: "team-ops" });
    expect(inventory.problems).toContainEqual(expect.objectContaining({ location: `${world.clusterName} GET kv-staging/metadata/ops/rotating`, severity: "warning" }));
  });

  it("lists KV v1 by path only, with a warning, and never GETs it (a v1 GET is the value)", () => {
    expect(find("legacy", "billing/prod/ftp")).toMatchObject({ engineKind: "kv-v1", environment: "prod", dataPath: "legacy/billing/prod/ftp", metadataPath: null, versions: [] });
    expect(find("legacy", "readme")).toBeDefined();
    expect(inventory.problems).toContainEqual(expect.objectContaining({ location: `${world.clusterName} LIST legacy/`, severity: "warning" }));
    expect(cluster.standin.requests.filter((r) => r.path.startsWith("legacy") && r.method !== "LIST")).toEqual([]);
    expect(inventory.mounts.find((m) => m.path === "legacy")).toMatchObject({ type: "kv", version: "1" });
  });

  it("holds no canary and touched no data path", () => {
    expect(JSON.stringify(inventory)).not.toContain(DEMO_CANARY_PREFIX);
    expect(cluster.standin.requests.filter((r) => /\/data\//.test(r.path))).toEqual([]);
    expect(inventory.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});
