/**
 * The whole chain on the demo organisation: stand-in -> collectors -> writeHealthRecords -> the
 * page's aggregates. The ground truth's renewal failures and expiring/revoked/weak certificates
 * must come out of the page data exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TOKENS, generateDemoOrganisation } from "@/lib/demo/generator";
import { startVaultStandin, type VaultStandin } from "@/lib/demo/vault-standin";
import type { CurrentUser } from "@/lib/auth/user";
import { createVaultReader } from "@/lib/vault";
import { collectCertificates, collectLeases } from "@/lib/sources/vault-health";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import { getHealthPageData } from "./page-data";
import { seedSnapshot } from "./test-seed";

const NOW = new Date("2026-06-01T12:00:00Z");
const org = generateDemoOrganisation({ seed: 1, scale: 1, now: NOW });
const world = org.clusters[0]!;
const truth = org.groundTruth;
const user = { email: "e@example.com", name: "E", roles: ["security"] } as CurrentUser;
let standin: VaultStandin;
let t: TestDatabase;

beforeAll(async () => {
  standin = await startVaultStandin({ world, port: 0 });
  t = await createTestDatabase();
});
afterAll(async () => {
  await standin.close();
  await t.drop();
});

describe("demo organisation on the health page", () => {
  it("shows exactly the ground truth's findings", async () => {
    const reader = createVaultReader({ address: standin.url, token: DEMO_TOKENS.readonly });
    const [leases, certs] = await Promise.all([
      collectLeases(reader, { cluster: world.clusterName, concurrency: 16 }),
      collectCertificates(reader, { cluster: world.clusterName, pkiMounts: ["pki"], concurrency: 16 }),
    ]);
    const secrets = truth.secrets.map((s) => ({ key: `${s.cluster}:${s.mount}/${s.path}`, team: s.owner, environment: s.environment, consumers: s.consumers.map((c) => c.workload) }));
    await seedSnapshot(t.prisma, secrets, { leases: leases.leases, certificates: certs.certificates, issuers: certs.issuers });

    const { overview } = await getHealthPageData({ db: t.prisma, user, now: NOW }, {});
    expect(overview.leases.total).toBe(world.leases.length);
    expect(overview.leases.renewalFailures).toBe(truth.leases.renewalFailures.length);
    expect(overview.leases.failures.map((f) => f.leaseId).sort()).toEqual([...truth.leases.renewalFailures].sort());
    expect(overview.certificates).toMatchObject({
      total: certs.certificates.length,
      expiringWithin7d: truth.certificates.expiringWithin7Days.length,
      expired: truth.certificates.expired.length,
      revoked: truth.certificates.revoked.length,
      weak: truth.certificates.weak.length,
    });
    expect(overview.certificates.expiring.map((c) => c.commonName).sort()).toEqual(truth.certificates.expiringWithin7Days.map((c) => c.commonName).sort());

    const certView = await getHealthPageData({ db: t.prisma, user, now: NOW }, { view: "certificates", status: "revoked" });
    expect(certView.table?.list.rows.map((r) => (r as { serial: string }).serial).sort()).toEqual(truth.certificates.revoked.map((c) => c.serial).sort());
  });
});
