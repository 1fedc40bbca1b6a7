import { describe, expect, it } from "vitest";
import { deriveCounts } from "./scale";
import { buildAccessModel } from "./access-model";
import { buildCompany } from "./company";
import { buildDistribution } from "./distribution/consumers";
import { createRng } from "./prng";
import { generateDemoOrganisation } from "./generate";
import { TEST_NOW, demoOrg } from "./test-fixture";
import type { VaultMount } from "../vault-world";

describe("scale 1", () => {
  const org = demoOrg();
  const world = org.clusters[0]!;
  const kv = world.mounts.filter((m): m is Extract<VaultMount, { type: "kv" }> => m.type === "kv");

  it("has about 12 teams, 40 services and exactly 400 KV secrets", () => {
    expect(org.counts).toMatchObject({ teams: 12, services: 40, secrets: 400 });
    expect(kv.map((m) => m.path)).toEqual(["kv", "kv-prod"]);
    expect(kv.reduce((n, m) => n + m.secrets.length, 0)).toBe(400);
    expect(org.groundTruth.secrets.filter((s) => s.kind === "kv-v2")).toHaveLength(400);
  });

  it("has every engine and auth method the brief lists", () => {
    expect(new Set(world.mounts.map((m) => m.type))).toEqual(new Set(["kv", "database", "aws", "pki", "transit"]));
    expect(new Set(world.authMounts.map((m) => m.type))).toEqual(new Set(["kubernetes", "jwt", "oidc", "approle"]));
    const db = world.mounts.find((m) => m.path === "database-prod");
    expect(db?.type === "database" && db.staticRoles.length).toBe(1);
    expect(world.auditDevices[0]).toMatchObject({ path: "file", type: "file" });
    expect(world.tokens.map((t) => t.id)).toEqual(["hvs.radius-root-demo", "hvs.radius-readonly-demo", "hvs.radius-write-demo"]);
    expect(world.identityGroups.every((g) => g.alias?.mountAccessor === world.authMounts.find((m) => m.type === "oidc")?.accessor)).toBe(true);
  });

  it("lays KV paths out as <team>/<env>/<service>/<name> with the required custom metadata", () => {
    for (const m of kv) {
      for (const s of m.secrets) {
        const [team, env, service, name] = s.path.split("/");
        expect(name).toBeTruthy();
        expect(m.path === "kv-prod" ? env === "prod" : env !== "prod").toBe(true);
        if (s.customMetadata) {
          expect(s.customMetadata).toMatchObject({ owner: `team-${team}`, environment: env, service });
          expect(s.customMetadata.rotation_period).toMatch(/^\d+h$/);
        }
      }
    }
    expect(kv.flatMap((m) => m.secrets).some((s) => s.customMetadata === null)).toBe(true);
  });

  it("keeps the read-only policy off every data path and away from write capabilities", () => {
    const p = world.policies["radius-readonly"]!;
    expect(p).not.toMatch(/\/data\//);
    expect(p).not.toMatch(/creds/);
    const updates = [...p.matchAll(/path "([^"]+)" \{\n  capabilities = \[([^\]]*)\]/g)].filter(([, , caps]) => /create|update|delete|patch/.test(caps ?? "")).map(([, path]) => path);
    expect(updates.sort()).toEqual(["sys/capabilities-self", "sys/leases/lookup"]);
  });

  it("derives benchmark sizes from scale 250 without generating them", () => {
    const c = deriveCounts(250);
    expect(c.secrets).toBe(100_000);
    expect(c.certificates).toBe(20_000);
    expect(c.leases).toBe(100_000);
    expect(c.services).toBeGreaterThan(3_000);
  });

  it("reaches the benchmark sizes of DESIGN.md at scale 250 (model only, no files)", () => {
    const company = buildCompany(createRng(1).fork("company"), deriveCounts(250));
    const access = buildAccessModel(company);
    expect(company.kvSecrets).toHaveLength(100_000);
    expect(access.identities.filter((i) => i.inVault).length).toBeGreaterThanOrEqual(10_000);
    expect(access.policies.filter((p) => p.live).length).toBeGreaterThanOrEqual(2_000);
    expect(buildDistribution(company).workloads.length).toBeGreaterThanOrEqual(20_000);
  });

  it("rejects explicit counts that cannot hold one secret per service and environment", () => {
    expect(() => deriveCounts(1, { services: 10, secrets: 20 })).toThrow(/at least 3 per service/);
  });

  it("accepts explicit counts", () => {
    const small = generateDemoOrganisation({ seed: 1, now: TEST_NOW, counts: { teams: 3, services: 6, secrets: 30, certificates: 12, leases: 20, auditSessions: 40 } });
    expect(small.groundTruth.secrets.filter((s) => s.kind === "kv-v2")).toHaveLength(30);
    expect(small.clusters[0]!.leases).toHaveLength(20);
  });
});
