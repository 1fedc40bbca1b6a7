import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readVaultMountTables } from "./collect-inventory";
import type { MountTables } from "./mount-tables";
import { checkTokenCannotWrite, writeProbePaths } from "./token-write-check";
import { DEMO_TOKENS, demoOrganisation, readerFor, startCluster, type Cluster } from "./test-support";

let cluster: Cluster;
let tables: MountTables;

beforeAll(async () => {
  cluster = await startCluster(demoOrganisation(1).clusters[0]!);
  tables = await readVaultMountTables(cluster.reader);
});
afterAll(() => cluster.standin.close());

describe("checkTokenCannotWrite (invariant 1 gate)", () => {
  it("probes every write surface of every mount, in one request", async () => {
    const paths = writeProbePaths(tables);
    for (const p of ["kv/data/radius-write-probe", "kv-prod/metadata/radius-write-probe", "database-prod/roles/radius-write-probe", "aws/config/radius-write-probe", "sys/policies/acl/radius-write-probe", "sys/mounts/radius-write-probe", "sys/auth/radius-write-probe", "auth/kubernetes-prod/role/radius-write-probe", "identity/group/name/radius-write-probe", "sys/audit/radius-write-probe"]) {
      expect(paths).toContain(p);
    }
    expect(paths.some((p) => p.startsWith("sys/leases/lookup") || p.startsWith("sys/capabilities-self"))).toBe(false);
    const before = cluster.standin.requests.length;
    await checkTokenCannotWrite(cluster.reader, tables);
    expect(cluster.standin.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual(["POST sys/capabilities-self"]);
  });

  it("passes the shipped read-only token", async () => {
    const result = await checkTokenCannotWrite(cluster.reader, tables);
    expect(result).toMatchObject({ ok: true, writable: [] });
    expect(result.checked.length).toBeGreaterThan(20);
  });

  it("refuses the writer token and names what it could change", async () => {
    const result = await checkTokenCannotWrite(readerFor(cluster, DEMO_TOKENS.writer), tables);
    expect(result.ok).toBe(false);
    const writable = Object.fromEntries(result.writable.map((w) => [w.path, w.capabilities]));
    expect(writable["kv/data/radius-write-probe"]).toEqual(expect.arrayContaining(["create", "update", "delete"]));
    expect(writable["kv-prod/metadata/radius-write-probe"]).toContain("delete");
    expect(writable["sys/policies/acl/radius-write-probe"]).toEqual(expect.arrayContaining(["create", "update"]));
    expect(Object.keys(writable)).not.toContain("sys/mounts/radius-write-probe");
  });

  it("refuses the root token on every probe", async () => {
    const result = await checkTokenCannotWrite(readerFor(cluster, DEMO_TOKENS.root), tables);
    expect(result.ok).toBe(false);
    expect(result.writable).toHaveLength(result.checked.length);
    expect(result.writable.every((w) => w.capabilities.includes("root"))).toBe(true);
  });
});
