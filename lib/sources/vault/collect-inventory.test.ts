import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VaultReader } from "@/lib/vault";
import { collectVaultInventory, type VaultInventory } from "./collect-inventory";
import { DEMO_CANARY_PREFIX, demoOrganisation, startCluster, worldSecretPaths, type Cluster } from "./test-support";

const org = demoOrganisation(1);
let cluster: Cluster;
let inventory: VaultInventory;

beforeAll(async () => {
  cluster = await startCluster(org.clusters[0]!);
  inventory = await collectVaultInventory(cluster.reader, { concurrency: 8 });
});
afterAll(() => cluster.standin.close());

describe("collectVaultInventory against the seed-1 world", () => {
  const world = org.clusters[0]!;

  it("finds every secret of every mount, keyed by cluster", () => {
    const byPath = inventory.secrets.map((s) => `${s.mount}/${s.path}`).sort();
    expect(byPath).toEqual(worldSecretPaths(world).sort());
    expect(new Set(inventory.secrets.map((s) => s.key)).size).toBe(inventory.secrets.length);
    expect(inventory.secrets.every((s) => s.key === `${world.clusterName}:${s.mount}/${s.path}`)).toBe(true);
    // Matches the generator's ground truth too (kinds and counts).
    const truth = org.groundTruth.secrets.map((s) => `${s.kind} ${s.mount}/${s.path}`).sort();
    expect(inventory.secrets.map((s) => `${s.engineKind} ${s.mount}/${s.path}`).sort()).toEqual(truth);
    expect(inventory.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("reads KV v2 metadata into the record", () => {
    const kv = world.mounts.find((m) => m.type === "kv" && m.path === "kv-prod");
    if (kv?.type !== "kv") throw new Error("fixture has no kv-prod");
    const source = kv.secrets.find((s) => s.customMetadata?.rotation_period === "720h") ?? kv.secrets[0]!;
    const record = inventory.secrets.find((s) => s.mount === "kv-prod" && s.path === source.path)!;
    expect(record).toMatchObject({
      dataPath: `kv-prod/data/${source.path}`,
      metadataPath: `kv-prod/metadata/${source.path}`,
      engineKind: "kv-v2",
      lifecycle: "static",
      environment: "prod",
      ownerTeam: source.customMetadata?.owner,
      classification: source.customMetadata?.classification,
      rotationPeriodSeconds: 720 * 3600,
      currentVersion: source.currentVersion,
      createdTime: source.createdTime,
      lastRotatedAt: source.versions[String(source.currentVersion)]!.createdTime,
    });
    expect(record.versions).toHaveLength(Object.keys(source.versions).length);
    // Secrets without custom metadata still get an environment from their path.
    const bare = kv.secrets.find((s) => s.customMetadata === null);
    if (bare) expect(inventory.secrets.find((s) => s.path === bare.path && s.mount === "kv-prod")).toMatchObject({ environment: "prod", ownerTeam: null, customMetadata: {} });
  });

  it("reads database and aws roles without touching creds", () => {
    const stat = inventory.secrets.find((s) => s.engineKind === "database-static")!;
    expect(stat).toMatchObject({ mount: "database-prod", path: "static-creds/payments-reporting", dataPath: "database-prod/static-creds/payments-reporting", rotationPeriodSeconds: 2592000, environment: "prod", ownerTeam: "team-payments" });
    expect(stat.lastRotatedAt).toBe("2025-05-23T12:00:00.000Z");
    const dyn = inventory.secrets.find((s) => s.key.endsWith(":database-prod/creds/payments-api"))!;
    expect(dyn).toMatchObject({ lifecycle: "dynamic", leaseTtlSeconds: 86400, customMetadata: { db_name: "payments-postgres" }, ownerTeam: "team-payments" });
    expect(inventory.secrets.find((s) => s.key.endsWith(":aws/creds/deploy-data-platform"))).toMatchObject({ engineKind: "aws", ownerTeam: "team-data-platform" });
  });

  it("reads every policy except root, as live", () => {
    const names = inventory.policies.map((p) => p.name).sort();
    expect(names).toEqual([...new Set([...Object.keys(world.policies), "default"])].filter((n) => n !== "root").sort());
    const one = inventory.policies.find((p) => p.name === "svc-payments-api-nonprod")!;
    expect(one).toMatchObject({ origin: "live", cluster: world.clusterName, rawHcl: world.policies["svc-payments-api-nonprod"] });
  });

  it("covers every auth role and identity group", () => {
    const expected = [
      ...world.authMounts.flatMap((m) => [...(m.kubernetesRoles ?? []), ...(m.jwtRoles ?? []), ...(m.appRoles ?? [])].map((r) => `${world.clusterName}:${m.path}/${r.name}`)),
      ...world.identityGroups.map((g) => `${world.clusterName}:group/${g.name}`),
    ].sort();
    expect(inventory.identities.map((i) => i.key).sort()).toEqual(expected);
    // Every Vault-side identity of the ground truth is there ("kubernetes:<mount>:<role>" there).
    const truth = org.groundTruth.identities.filter((i) => i.inVault).map((i) => (i.kind === "group" ? `group/${i.key.slice(6)}` : i.key.split(":").slice(1).join("/")));
    const have = new Set(inventory.identities.map((i) => i.key.slice(world.clusterName.length + 1)));
    expect(truth.filter((k) => !have.has(k))).toEqual([]);

    const k8s = inventory.identities.find((i) => i.key.endsWith(":kubernetes-prod/payments-api"))!;
    expect(k8s).toMatchObject({ kind: "kubernetes", authType: "kubernetes", policies: ["svc-payments-api-prod"], ttlSeconds: 3600, maxTtlSeconds: 14400, bindings: { boundServiceAccountNamespaces: ["payments-prod"] } });
    const ci = inventory.identities.find((i) => i.key.endsWith(":github-actions/ci-payments-api"))!;
    expect(ci).toMatchObject({ kind: "jwt", bindings: { boundClaims: { repository: "acme/payments-api", ref: "refs/heads/main" }, userClaim: "actor" } });
    const app = inventory.identities.find((i) => i.kind === "approle")!;
    expect(app.bindings).toMatchObject({ bindSecretId: true });
    const group = inventory.identities.find((i) => i.key.endsWith(":group/team-payments"))!;
    expect(group).toMatchObject({ kind: "group", authMount: "group", policies: ["team-payments"], bindings: { type: "external", alias: { name: "eng-payments", authMount: "oidc" } } });
  });

  it("records memberships between groups and the mount tables", () => {
    const nested = world.identityGroups.flatMap((g) => g.memberGroupIds.map((id) => `${g.name}>${world.identityGroups.find((m) => m.id === id)!.name}`));
    const have = inventory.memberships.map((m) => `${m.groupKey.split("group/")[1]}>${m.memberKey.split("group/")[1]}`);
    expect(have.sort()).toEqual(nested.sort());
    expect(inventory.mounts.map((m) => m.path).sort()).toEqual(world.mounts.map((m) => m.path).sort());
    expect(inventory.mounts.find((m) => m.path === "kv")).toMatchObject({ type: "kv", version: "2" });
    expect(inventory.authMounts.map((m) => m.path).sort()).toEqual(world.authMounts.map((m) => m.path).sort());
    expect(inventory.auditDevices).toEqual([{ path: "file", type: "file" }]);
    expect(inventory).toMatchObject({ cluster: world.clusterName, clusterId: world.clusterId, version: world.version });
  });

  it("never requested a data path, a credential or a write verb (invariants 1 and 2)", () => {
    const log = cluster.standin.requests;
    expect(log.length).toBeGreaterThan(inventory.secrets.length);
    expect(log.filter((r) => /(^|\/)(data|creds|static-creds)(\/|$)/.test(r.path.split("/metadata/")[0]!))).toEqual([]);
    const verbs = log.filter((r) => !(r.method === "GET" || r.method === "LIST"));
    expect(verbs).toEqual([]);
    // Nothing denied (the least-privilege policy suffices); 404 only for Vault's empty LIST.
    expect(log.filter((r) => r.status !== 200 && !(r.status === 404 && r.method === "LIST"))).toEqual([]);
    expect(inventory.requestCount).toBe(log.length);
  });

  it("holds no canary value anywhere", () => {
    expect(JSON.stringify(inventory)).not.toContain(DEMO_CANARY_PREFIX);
  });
});

describe("bounded concurrency", () => {
  it("never has more than `concurrency` requests in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    const track = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await fn(...a);
      } finally {
        inFlight--;
      }
    };
    const r = cluster.reader;
    const wrapped: VaultReader = { ...r, address: r.address, read: track(r.read) as VaultReader["read"], list: track(r.list), health: track(r.health), capabilitiesSelf: track(r.capabilitiesSelf), lookupLease: track(r.lookupLease) };
    const result = await collectVaultInventory(wrapped, { concurrency: 3 });
    expect(result.secrets).toHaveLength(inventory.secrets.length);
    expect(peak).toBe(3);
  });
});

describe("two clusters", () => {
  it("keeps keys apart by cluster prefix", async () => {
    const other = demoOrganisation(2).clusters[0]!;
    // Same generator, so the same mount/path names: only the cluster prefix tells them apart.
    other.clusterName = "vault-eu";
    const second = await startCluster(other);
    try {
      const [a, b] = await Promise.all([collectVaultInventory(cluster.reader, { concurrency: 4 }), collectVaultInventory(second.reader, { concurrency: 4 })]);
      expect(b.cluster).toBe("vault-eu");
      const keys = (inv: VaultInventory) => [...inv.secrets.map((s) => s.key), ...inv.identities.map((i) => i.key)];
      const bKeys = new Set(keys(b));
      expect(keys(a).filter((k) => bKeys.has(k))).toEqual([]);
      expect(b.secrets.every((s) => s.key.startsWith("vault-eu:"))).toBe(true);
      const sharedPaths = a.secrets.filter((s) => b.secrets.some((t) => t.mount === s.mount && t.path === s.path));
      expect(sharedPaths.length).toBeGreaterThan(0);
      // An explicit cluster name overrides sys/health's.
      expect((await collectVaultInventory(second.reader, { concurrency: 4, cluster: "eu-west" })).secrets[0]!.key.startsWith("eu-west:")).toBe(true);
    } finally {
      await second.standin.close();
    }
  });
});
