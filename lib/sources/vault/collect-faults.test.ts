/** Tolerance: item failures become problems, only a whole-cluster failure throws. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VaultReader } from "@/lib/vault";
import { collectVaultInventory } from "./collect-inventory";
import { VaultUnavailableError } from "./errors";
import { DEMO_TOKENS, demoOrganisation, readerFor, startCluster, worldSecretPaths, type Cluster } from "./test-support";

const world = demoOrganisation(1).clusters[0]!;
// A token whose policy lacks sudo on sys/audit: the audit device list is then denied.
world.tokens.push({ id: "hvs.no-sudo", accessor: "acc-no-sudo", displayName: "no-sudo", policies: ["no-sudo"], ttlSeconds: 0 });
world.policies["no-sudo"] = world.policies["radius-readonly"]!.replace(/path "sys\/audit" \{[^}]*\}/, 'path "sys/audit" {\n  capabilities = ["read"]\n}');
const expectedSecrets = worldSecretPaths(world).length;
let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster(world);
});
afterAll(() => cluster.standin.close());

describe("faults", () => {
  it("completes through 20% server errors (retries), reporting what still failed", async () => {
    cluster.standin.setFaults({ errorRate: 0.2, seed: 1 });
    try {
      const inventory = await collectVaultInventory(cluster.reader, { concurrency: 8 });
      // 3 retries: a request fails for good with p = 0.2^4; whatever did is a located problem.
      expect(inventory.secrets.length).toBeGreaterThan(expectedSecrets * 0.95);
      const missing = expectedSecrets - inventory.secrets.length;
      expect(inventory.problems.filter((p) => p.severity === "error").length).toBeGreaterThanOrEqual(missing > 0 ? 1 : 0);
      for (const p of inventory.problems) expect(p.location).toMatch(new RegExp(`^${world.clusterName} (GET|LIST) \\S+$`));
      expect(cluster.standin.requests.some((r) => r.fault === "error")).toBe(true);
    } finally {
      cluster.standin.setFaults({});
    }
  });

  it("turns a malformed policy body into a problem naming that path and keeps the rest", async () => {
    const target = "sys/policies/acl/svc-payments-api-prod";
    const base = cluster.reader;
    // What the reader returns for a truncated JSON body: the raw text (checked in the reader's own tests).
    const reader: VaultReader = { ...base, read: (path) => (path === target ? Promise.resolve('{"request_id":"1","data":{"name":"svc' as never) : base.read(path)) };
    const inventory = await collectVaultInventory(reader, { concurrency: 8 });
    expect(inventory.problems).toEqual([expect.objectContaining({ source: "vault", location: `${world.clusterName} GET ${target}`, severity: "error" })]);
    expect(inventory.problems[0]!.message).toMatch(/unexpected response/);
    expect(inventory.policies.map((p) => p.name)).not.toContain("svc-payments-api-prod");
    const allPolicies = new Set([...Object.keys(world.policies), "default"]);
    expect(inventory.policies).toHaveLength(allPolicies.size - 1);
    expect(inventory.secrets).toHaveLength(expectedSecrets);
  });

  it("reports a failing KV folder and collects the other folders", async () => {
    cluster.standin.setFaults({ failPaths: /^kv\/metadata\/payments\/dev\/?$/ });
    try {
      const inventory = await collectVaultInventory(cluster.reader, { concurrency: 8 });
      expect(inventory.problems).toEqual([expect.objectContaining({ location: `${world.clusterName} LIST kv/metadata/payments/dev/`, severity: "error" })]);
      const lost = worldSecretPaths(world).filter((p) => p.startsWith("kv/payments/dev/")).length;
      expect(lost).toBeGreaterThan(0);
      expect(inventory.secrets).toHaveLength(expectedSecrets - lost);
    } finally {
      cluster.standin.setFaults({});
    }
  });

  it("records a denied sys/audit as null plus a warning", async () => {
    const inventory = await collectVaultInventory(readerFor(cluster, "hvs.no-sudo"), { concurrency: 8 });
    expect(inventory.auditDevices).toBeNull();
    expect(inventory.problems).toEqual([expect.objectContaining({ location: `${world.clusterName} GET sys/audit`, severity: "warning" })]);
    expect(inventory.secrets).toHaveLength(expectedSecrets);
  });

  it.each([
    ["down", { down: true }, /sys\/health failed/],
    ["sealed", { sealed: true }, /sealed/],
    ["sys/mounts failing", { failPaths: /^sys\/mounts$/ }, /sys\/mounts unreadable/],
  ])("throws VaultUnavailableError when Vault is %s", async (_name, faults, message) => {
    cluster.standin.setFaults(faults);
    try {
      const error = await collectVaultInventory(cluster.reader, { concurrency: 8 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VaultUnavailableError);
      expect((error as Error).message).toMatch(message);
    } finally {
      cluster.standin.setFaults({});
    }
  });

  it("throws VaultUnavailableError for a token that cannot read sys/mounts", async () => {
    const error = await collectVaultInventory(readerFor(cluster, "hvs.not-a-token"), { concurrency: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultUnavailableError);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    const run = collectVaultInventory(cluster.reader, { concurrency: 4, signal: controller.signal, onProgress: (p) => p.phase === "mounts" && controller.abort(new Error("stop")) });
    await expect(run).rejects.toThrow("stop");
  });

  it("still works with the root token (and reads the same secrets)", async () => {
    const inventory = await collectVaultInventory(readerFor(cluster, DEMO_TOKENS.root), { concurrency: 8 });
    expect(inventory.secrets).toHaveLength(expectedSecrets);
  });
});
