/** Every audit-log rule on the demo log's planted signals, and silence on the clean log (real Postgres). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrg, fileContent, TEST_NOW } from "@/lib/demo/generator/test-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import { evaluateDetection } from "./evaluate";
import { demoSettings, insertAuditLog } from "./test-support";
import type { AlertEvidence } from "./types";

const org = demoOrg();
const gt = org.groundTruth;
const settings = demoSettings(gt);
const window = { from: new Date(gt.audit.windowStart), to: new Date(Date.parse(gt.audit.windowEnd) + 1), now: TEST_NOW, settings };
const signal = (rule: string) => gt.audit.signals.find((s) => s.rule === rule)!;
/** Rules count response lines, written a few milliseconds after the request the signal names. */
const near = (iso: string) => expect.toSatisfy((d: Date) => d.getTime() >= Date.parse(iso) && d.getTime() - Date.parse(iso) < 100);

async function alerts(db: TestDatabase) {
  const rows = await db.prisma.alert.findMany({ orderBy: [{ rule: "asc" }, { firstSeen: "asc" }] });
  return rows.map((r) => ({ ...r, evidence: r.evidence as unknown as AlertEvidence }));
}

describe("evaluateDetection on the demo audit log", () => {
  let full: TestDatabase;
  let clean: TestDatabase;
  beforeAll(async () => {
    [full, clean] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await Promise.all([insertAuditLog(full.prisma, fileContent(org, gt.audit.file), gt), insertAuditLog(clean.prisma, fileContent(org, gt.audit.cleanFile), gt)]);
  });
  afterAll(async () => {
    await Promise.all([full?.drop(), clean?.drop()]);
  });

  it("stays silent on the clean log", async () => {
    const result = await evaluateDetection(clean.prisma, window);
    expect(await alerts(clean)).toEqual([]);
    expect(result).toMatchObject({ opened: 0, updated: 0, resolved: 0 });
  });

  it("fires each rule on its planted signal, with counts, first/last seen and evidence", async () => {
    const result = await evaluateDetection(full.prisma, window);
    const all = await alerts(full);
    expect(result.opened).toBe(all.length);
    const byRule = (rule: string) => all.filter((a) => a.rule === rule);

    const ip = signal("auth-failures-ip");
    expect(byRule("auth-failures-ip")).toHaveLength(1);
    expect(byRule("auth-failures-ip")[0]).toMatchObject({ subject: ip.remoteAddresses[0], count: ip.count, severity: "high", status: "open", firstSeen: near(ip.firstTime) });

    const role = signal("auth-failures-role");
    const roleAlert = byRule("auth-failures-role").find((a) => a.subject === role.identity);
    expect(roleAlert).toMatchObject({ count: role.count, firstSeen: near(role.firstTime) });
    expect(new Set(roleAlert!.evidence.remoteAddresses)).toEqual(new Set(role.remoteAddresses));
    // The IP burst targets one role too, so it is also a per-role burst; nothing else is.
    expect(byRule("auth-failures-role").map((a) => a.subject).sort()).toEqual([ip.identity, role.identity].sort());

    const offHours = signal("prod-read-outside-business-hours");
    expect(byRule("prod-read-outside-business-hours")).toHaveLength(1);
    const oh = byRule("prod-read-outside-business-hours")[0]!;
    expect(oh.evidence.sample.map((e) => e.path)).toEqual(offHours.paths);
    expect(oh).toMatchObject({ count: 1, firstSeen: near(offHours.firstTime), severity: "medium" });

    const root = signal("root-token-used");
    expect(byRule("root-token-used")).toHaveLength(1);
    expect(byRule("root-token-used")[0]).toMatchObject({ count: 1, severity: "critical" });
    expect(byRule("root-token-used")[0]!.evidence.sample[0]).toMatchObject({ path: root.paths[0], remoteAddress: root.remoteAddresses[0], operation: "update" });

    const renew = signal("lease-renewal-failure");
    const renewals = byRule("renewal-or-rotation-failure");
    expect(renewals.length).toBeGreaterThan(0);
    expect(renewals.reduce((n, a) => n + a.count, 0)).toBe(renew.count);
    expect(renewals.flatMap((a) => a.evidence.sample.map((e) => e.path)).sort()).toEqual([...renew.paths].sort());

    const bulk = signal("bulk-read-anomaly");
    expect(byRule("bulk-read-anomaly")).toHaveLength(1);
    const b = byRule("bulk-read-anomaly")[0]!;
    expect(b).toMatchObject({ subject: bulk.remoteAddresses[0], count: bulk.count, firstSeen: near(bulk.firstTime), lastSeen: near(bulk.lastTime) });
    expect(b.evidence.sample).toHaveLength(20);
    expect(b.evidence.facts).toMatchObject({ reads: bulk.count, baselineMedian: 0 });

    expect(all.map((a) => a.rule).filter((r) => !["auth-failures-ip", "auth-failures-role", "prod-read-outside-business-hours", "root-token-used", "renewal-or-rotation-failure", "bulk-read-anomaly"].includes(r))).toEqual([]);
  });

  it("the evidence query finds every event of the alert", async () => {
    const [b] = (await alerts(full)).filter((a) => a.rule === "bulk-read-anomaly");
    const rows = await full.prisma.$queryRawUnsafe<{ id: string }[]>(b!.evidence.query);
    expect(rows).toHaveLength(b!.count);
  });

  it("deduplicates: a second evaluation of the same window opens and updates nothing", async () => {
    const before = await alerts(full);
    const again = await evaluateDetection(full.prisma, window);
    expect(again).toMatchObject({ opened: 0, updated: 0 });
    const after = await alerts(full);
    expect(after.map((a) => [a.id, a.count, a.firstSeen, a.lastSeen])).toEqual(before.map((a) => [a.id, a.count, a.firstSeen, a.lastSeen]));
  });

  it("a burst split across two ingestion batches is one alert with the full count", async () => {
    const db = await createTestDatabase();
    try {
      await insertAuditLog(db.prisma, fileContent(org, gt.audit.file), gt);
      const ip = signal("auth-failures-ip");
      const mid = new Date(Date.parse(ip.firstTime) + 20_000);
      const first = await evaluateDetection(db.prisma, { ...window, to: mid });
      const second = await evaluateDetection(db.prisma, { ...window, from: mid });
      const rows = (await alerts(db)).filter((a) => a.rule === "auth-failures-ip");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ count: ip.count, lastSeen: near(ip.lastTime) });
      expect(first.opened + second.opened).toBe((await alerts(db)).length);
    } finally {
      await db.drop();
    }
  });
});
