/** Repository, aggregation, inline status and alerts on a real Postgres. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import type { CurrentUser } from "@/lib/auth/user";
import { upsertHealthAlerts } from "./alerts";
import type { CertificateRecord, LeaseRecord } from "./records";
import { certificateListSchema, leaseListSchema } from "./schemas";
import { getHealthOverview, healthForSecret, healthForWorkload, listCertificates, listLeases, openLeaseExport } from "./service";
import { seedSnapshot } from "./test-seed";

const NOW = new Date("2026-06-01T12:00:00Z");
const H = 3_600_000;
const D = 24 * H;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const user: CurrentUser = { email: "e@example.com", name: "E", roles: ["engineer"] } as CurrentUser;

const DB_A = "primary:database-prod/creds/payments-api";
const DB_B = "primary:database-prod/creds/orphan-role";
const lease = (id: string, expireIn: number, secretKey: string | null): LeaseRecord => ({
  cluster: "primary", leaseId: id, mount: id.split("/")[0]!, role: id.split("/")[2] ?? null, secretKey,
  issueTime: at(expireIn - D), expireTime: at(expireIn), lastRenewalAt: null, ttlSeconds: Math.max(0, Math.floor(expireIn / 1000)), renewable: true,
});
const cert = (serial: string, cn: string, notAfterIn: number, extra: Partial<CertificateRecord> = {}): CertificateRecord => ({
  cluster: "primary", issuerMount: "pki", serial, commonName: cn, sans: [`DNS:${cn}`], issuer: "CN=Int", notBefore: at(notAfterIn - 90 * D), notAfter: at(notAfterIn),
  revoked: false, revokedAt: null, role: "internal", keyType: "ec", keyBits: 256, curve: "prime256v1", secretKey: null, ...extra,
});

let t: TestDatabase;
let snapshotId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const leases = [
    lease("database-prod/creds/payments-api/fail1", -30 * 60_000, DB_A), // renewal failure
    lease("database-prod/creds/payments-api/fail2", -2 * H, DB_A), // renewal failure
    lease("database-prod/creds/payments-api/soon", 20 * 60_000, DB_A), // expiring within 1h
    lease("database-prod/creds/payments-api/ok", 30 * H, DB_A),
    lease("database-prod/creds/orphan-role/x", 5 * H, DB_B), // orphaned: no consumer
    lease("database-prod/creds/orphan-role/gone", -H, DB_B), // expired, orphaned: not a renewal failure
  ];
  const certificates = [
    cert("01", "soon.svc", 2 * D),
    cert("02", "later.svc", 40 * D),
    cert("03", "old.svc", -3 * D),
    cert("04", "revoked.svc", 3 * D, { revoked: true, revokedAt: at(-D) }),
    cert("05", "weak.svc", 60 * D, { keyType: "rsa", keyBits: 1024 }),
  ];
  const seeded = await seedSnapshot(t.prisma, [{ key: DB_A, team: "payments", environment: "prod", consumers: ["k8s:prod/payments/deployment/payments-api"] }, { key: DB_B, team: "risk", environment: "prod" }], { leases, certificates, issuers: [] });
  snapshotId = seeded.snapshotId;
});
afterAll(() => t.drop());

describe("health queries", () => {
  it("aggregates the first view in SQL", async () => {
    const o = await getHealthOverview({ db: t.prisma, user, now: NOW });
    expect(o.leases).toMatchObject({ total: 6, expired: 3, renewalFailures: 2, orphaned: 2, expiringWithin1h: 1, expiringWithin24h: 2 });
    expect(o.leases.byHour).toHaveLength(49);
    expect(o.leases.byHour.reduce((n, p) => n + p.count, 0)).toBe(3);
    expect(o.leases.failures.map((f) => f.leaseId).sort()).toEqual(["database-prod/creds/payments-api/fail1", "database-prod/creds/payments-api/fail2"]);
    expect(o.leases.ttlByMount).toEqual([{ label: "database-prod", expired: 3, under1h: 1, under6h: 1, under24h: 0, under7d: 1, over7d: 0 }]);
    expect(o.certificates).toMatchObject({ total: 5, expiringWithin7d: 1, expired: 1, revoked: 1, weak: 1 });
    expect(o.certificates.expiring.map((c) => c.commonName)).toEqual(["soon.svc"]);
    expect(o.facets).toMatchObject({ mounts: ["primary:database-prod"], teams: ["payments", "risk"], certRoles: ["internal"] });
    expect(JSON.stringify(o).length).toBeLessThan(20_000);
  });

  it("filters, sorts and pages the lease table with consumers", async () => {
    const failures = await listLeases({ db: t.prisma, user, now: NOW }, leaseListSchema.parse({ status: "renewal-failure" }));
    expect(failures.rows.map((r) => r.leaseId)).toEqual(["database-prod/creds/payments-api/fail2", "database-prod/creds/payments-api/fail1"]);
    expect(failures.rows[0]).toMatchObject({ status: "renewal-failure", secretKey: DB_A, team: "payments", consumerCount: 1, consumers: [{ key: "k8s:prod/payments/deployment/payments-api", name: "payments-api" }] });
    const orphaned = await listLeases({ db: t.prisma, user, now: NOW }, leaseListSchema.parse({ status: "orphaned", sort: "lease", dir: "desc" }));
    expect(orphaned.rows.map((r) => r.leaseId)).toEqual(["database-prod/creds/orphan-role/x", "database-prod/creds/orphan-role/gone"]);
    const byRole = await listLeases({ db: t.prisma, user, now: NOW }, leaseListSchema.parse({ role: "payments-api", team: "payments", days: "1", pageSize: "25" }));
    expect(byRole.total).toBe(3);
    const page2 = await listLeases({ db: t.prisma, user, now: NOW }, leaseListSchema.parse({ pageSize: "25", page: "2" }));
    expect(page2.rows).toHaveLength(0);
  });

  it("filters the certificate table by status and search", async () => {
    const list = async (raw: Record<string, string>) => (await listCertificates({ db: t.prisma, user, now: NOW }, certificateListSchema.parse(raw))).rows.map((r) => r.commonName);
    expect(await list({ status: "expiring" })).toEqual(["soon.svc"]);
    expect(await list({ status: "expired" })).toEqual(["old.svc"]);
    expect(await list({ status: "revoked" })).toEqual(["revoked.svc"]);
    expect(await list({ status: "weak" })).toEqual(["weak.svc"]);
    expect(await list({ q: "later" })).toEqual(["later.svc"]);
    expect(await list({ sort: "expires", dir: "desc" })).toEqual(["weak.svc", "later.svc", "revoked.svc", "soon.svc", "old.svc"]);
  });

  it("exports every matching row in batches", async () => {
    const rows = [];
    for await (const batch of await openLeaseExport({ db: t.prisma, user, now: NOW }, leaseListSchema.parse({}))) rows.push(...batch);
    expect(rows).toHaveLength(6);
  });

  it("gives inline status for a secret and a workload", async () => {
    const s = await healthForSecret({ db: t.prisma, now: NOW }, DB_A);
    expect(s.leases).toEqual({ count: 4, soonestExpiry: at(20 * 60_000), expired: 2, renewalFailures: 2, expiringWithin1h: 1 });
    const w = await healthForWorkload({ db: t.prisma, now: NOW }, "k8s:prod/payments/deployment/payments-api");
    expect(w.leases.renewalFailures).toBe(2);
    expect((await healthForSecret({ db: t.prisma, now: NOW }, "primary:nope")).leases.count).toBe(0);
  });

  it("refuses a user without a Radius role", async () => {
    await expect(getHealthOverview({ db: t.prisma, user: { ...user, roles: [] }, now: NOW })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("upsertHealthAlerts", () => {
  it("opens, deduplicates (count++) and resolves when the condition clears", async () => {
    expect(await upsertHealthAlerts(t.prisma, snapshotId, NOW)).toEqual({ opened: 2, updated: 0, resolved: 0 });
    expect(await upsertHealthAlerts(t.prisma, snapshotId, new Date(NOW.getTime() + 60_000))).toEqual({ opened: 0, updated: 2, resolved: 0 });
    const alerts = await t.prisma.alert.findMany({ orderBy: { rule: "asc" } });
    expect(alerts.map((a) => [a.rule, a.subject, a.count, a.status])).toEqual([
      ["certificate-expiring-7d", "soon.svc (primary:pki, serial 01)", 2, "open"],
      ["lease-renewal-failure", DB_A, 2, "open"],
    ]);
    expect(alerts[0]!.severity).toBe("high");
    expect(alerts[1]!.evidence).toMatchObject({ expiredLeases: 2, consumers: ["k8s:prod/payments/deployment/payments-api"] });
    // Three days on, the certificate has expired (no longer "expiring") and is resolved; the failures remain.
    expect(await upsertHealthAlerts(t.prisma, snapshotId, new Date(NOW.getTime() + 3 * D))).toEqual({ opened: 0, updated: 1, resolved: 1 });
    const cert = await t.prisma.alert.findFirstOrThrow({ where: { rule: "certificate-expiring-7d" } });
    expect(cert).toMatchObject({ status: "resolved", count: 2 });
    expect(cert.resolvedAt).not.toBeNull();
  });
});
