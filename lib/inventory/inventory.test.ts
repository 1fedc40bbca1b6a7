import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import type { CurrentUser } from "@/lib/auth/user";
import type { InventoryContext } from "./context";
import { csvCell, csvLine, csvStream } from "./csv";
import { SECRET_CSV } from "./csv-columns";
import { getIdentityReverseBlastRadius } from "./identity-service";
import { getPolicyBlastRadius } from "./policy-service";
import { identityDetailSchema, policyDetailSchema, secretListSchema } from "./schemas";
import { getSecretBlastRadius } from "./secret-detail-service";
import { listSecrets, openSecretExport } from "./secret-service";
import { seedInventory } from "./test-seed";
import { getWorkload } from "./workload-service";

const engineer: CurrentUser = { email: "alice@radius.example", name: "Alice", roles: ["engineer"] };
const compliance: CurrentUser = { email: "carol@radius.example", name: "Carol", roles: ["compliance"] };

describe("inventory against Postgres", () => {
  let database: TestDatabase;
  let ctx: InventoryContext;
  let keys: Awaited<ReturnType<typeof seedInventory>>["keys"];
  beforeAll(async () => {
    database = await createTestDatabase();
    ({ keys } = await seedInventory(database.prisma));
    ctx = { db: database.prisma, user: engineer };
  });
  afterAll(async () => database?.drop());

  const list = (raw: Record<string, string>) => listSecrets(ctx, secretListSchema.parse(raw));

  it("filters, searches every word, sorts and paginates in SQL", async () => {
    expect((await list({})).rows.map((r) => r.exposureScore)).toEqual([80, 40, 10, 5]);
    expect((await list({ mount: "primary:kv-prod" })).rows.map((r) => r.path)).toEqual(["payments/prod/payments-api/stripe-key", "payments/prod/payments-api/db-password"]);
    expect((await list({ q: "payments stripe" })).rows).toHaveLength(2);
    expect((await list({ q: "100%_" })).rows).toHaveLength(0); // wildcards are literal
    expect((await list({ environment: "prod", minScore: "50" })).rows.map((r) => r.exposureScore)).toEqual([80]);
    // Unbounded propagation (null) is the longest.
    expect((await list({ sort: "propagation" })).rows[0]?.propagationSeconds).toBeNull();
    expect((await list({ sort: "rotated" })).rows.map((r) => r.lastRotatedAt?.slice(0, 10) ?? null).slice(-2)).toEqual(["2026-11-01", "2026-12-01"]);
    const page2 = await list({ sort: "path", pageSize: "25", page: "1" });
    expect(page2.total).toBe(4);
    expect(page2.facets.mounts).toEqual(["primary:kv", "primary:kv-prod"]);
  });

  it("explains each reader: identity -> group -> policy -> rule -> capabilities; list-only apart", async () => {
    const radius = await getSecretBlastRadius(ctx, keys.stripe);
    expect(radius).not.toBeNull();
    const alice = radius!.readers.find((r) => r.identity.key === keys.alice)!;
    expect(alice.category).toBe("human");
    expect(alice.why[0]).toMatchObject({ viaGroup: { key: keys.oncall }, policy: { name: "oncall-payments" }, rulePath: "kv-prod/data/payments/prod/*", ruleLine: 1, capabilities: ["read"] });
    expect(radius!.readerCounts).toEqual({ human: 2, ci: 0, workload: 1, other: 0 });
    expect(radius!.listOnly.map((r) => r.identity.key)).toEqual(["primary:github-actions/ci-payments-api"]);
    // payments-api reads it at start-up (ESO env + restart): breaks until restart, with its dependent.
    expect(radius!.whatBreaks.consumers.map((c) => [c.workload.name, c.until])).toEqual([["payments-api", "restart"]]);
    expect(radius!.whatBreaks.dependents.map((d) => d.path.map((p) => p.name))).toEqual([["payments-api", "checkout-api"]]);
    expect(radius!.propagation).toMatchObject({ totalSeconds: null, slowest: { name: "payments-api" } });
    expect(radius!.consumers.find((c) => c.workload.name === "payments-worker")?.propagationSeconds).toBe(300);
    expect(radius!.exposure.terms[0]?.term).toBe("restart-bound");
    expect(await getSecretBlastRadius(ctx, "primary:kv-prod/nope")).toBeNull();
    expect(radius!.evidence).toMatchObject({ available: false, coverage: null, ghostReaders: [] });
    expect(radius!.exposure.terms.find((t) => t.term === "ghost readers")).toBeUndefined();
  });

  it("turns access_stats into evidence once the audit log is ingested: last reads, unused grants, ghosts", async () => {
    const day = (d: string) => new Date(`${d}T10:00:00Z`);
    const recent = new Date(Date.now() - 3 * 86_400_000);
    await database.prisma.accessStat.createMany({ data: [
      { identityKey: "primary:kubernetes-prod/payments-api", secretKey: keys.stripe, firstReadAt: day("2026-10-01"), lastReadAt: recent, reads30d: 4, reads90d: 9, updatedAt: new Date() },
      { identityKey: "primary:approle/legacy-export", secretKey: keys.stripe, firstReadAt: day("2026-11-12"), lastReadAt: day("2026-11-12"), reads30d: 1, reads90d: 1, updatedAt: new Date() },
    ] });
    await database.prisma.auditIngestCheckpoint.create({ data: { source: "file:/var/log/vault_audit.log", events: BigInt(10), firstEventAt: day("2026-10-01"), lastEventAt: recent } });
    try {
      const radius = (await getSecretBlastRadius(ctx, keys.stripe))!;
      const k8s = radius.readers.find((r) => r.identity.key === "primary:kubernetes-prod/payments-api")!;
      expect(k8s).toMatchObject({ lastReadAt: recent.toISOString(), reads90d: 9 });
      expect(radius.evidence.available).toBe(true);
      expect(radius.evidence.ghostReaders.map((g) => g.identityKey)).toEqual(["primary:approle/legacy-export"]);
      expect(radius.evidence.unusedGrants).toEqual([keys.alice, keys.oncall].sort());
      expect(radius.evidence.topReaders.map((r) => r.identityKey)).toEqual(["primary:kubernetes-prod/payments-api"]);
      const ghost = radius.exposure.terms.find((t) => t.term === "ghost readers")!;
      expect(ghost).toMatchObject({ points: 5, detail: "1 identit(ies) read it before losing access" });
      expect(radius.exposure.terms.find((t) => t.term === "unused grants")).toMatchObject({ points: 2, detail: "2 grant(s) not used in 90 days" });
      expect(radius.exposure.score).toBe(radius.exposure.terms.reduce((s, t) => s + t.points, 0));
    } finally {
      await database.prisma.accessStat.deleteMany();
      await database.prisma.auditIngestCheckpoint.deleteMany();
    }
  });

  it("answers the reverse blast radius of an identity, grouped by policy", async () => {
    const radius = await getIdentityReverseBlastRadius(ctx, keys.oncall, identityDetailSchema.parse({}));
    expect(radius?.totalReadable).toBe(2);
    expect(radius?.byPolicy).toEqual([{ policyName: "oncall-payments", viaGroup: null, secrets: 2, readable: 2, rules: [{ rulePath: "kv-prod/data/payments/prod/*", secrets: 2, readable: 2 }] }]);
    expect(radius?.members.map((m) => m.key)).toEqual([keys.alice]);
    const filtered = await getIdentityReverseBlastRadius(ctx, keys.oncall, identityDetailSchema.parse({ q: "db-password" }));
    expect(filtered?.grants.rows.map((g) => g.secretKey)).toEqual(["primary:kv-prod/payments/prod/payments-api/db-password"]);
  });

  it("answers workloads and policies", async () => {
    const w = await getWorkload(ctx, "k8s:k8s-prod/payments/deployment/payments-api");
    expect(w?.dependents.map((d) => d.workload.name)).toEqual(["checkout-api"]);
    expect(w?.consumes[0]).toMatchObject({ mechanism: "eso", propagationSeconds: null });
    const p = await getPolicyBlastRadius(ctx, "primary", "oncall-payments", policyDetailSchema.parse({}));
    expect(p?.direct.map((i) => i.key)).toEqual([keys.oncall]);
    expect(p?.viaGroups.map((m) => m.member.key)).toEqual([keys.alice]);
    expect(p?.grants.total).toBe(3);
  });

  it("exports CSV only with secrets.export, escaped and formula-safe", async () => {
    await expect(openSecretExport(ctx, secretListSchema.parse({}))).rejects.toMatchObject({ code: "forbidden" });
    const stream = csvStream(SECRET_CSV, await openSecretExport({ ...ctx, user: compliance }, secretListSchema.parse({ team: "search" })));
    const text = await new Response(stream).text();
    const [header, row] = text.split("\r\n");
    expect(header?.startsWith("key,cluster,mount,path")).toBe(true);
    expect(row?.startsWith(`"'primary:kv/=cmd|calc/x,""quoted"""`)).toBe(false); // the key starts with "primary", not "="
    expect(row).toContain(`"'=cmd|calc/x,""quoted"""`);
  });
});

describe("csv cells", () => {
  it("quotes per RFC 4180 and defuses formulas", () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)"]) expect(csvCell(bad)).toBe(`'${bad}`);
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(csvLine(["a", 1, true])).toBe("a,1,true\r\n");
  });
});
