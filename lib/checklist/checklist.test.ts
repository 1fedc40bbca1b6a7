import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPortalAuditChain } from "@/lib/audit-trail";
import type { CurrentUser } from "@/lib/auth/user";
import { DEMO_TOKENS } from "@/lib/demo/generator";
import { runSync } from "@/lib/sync/run-sync";
import { startSyncWorld, type SyncWorld } from "@/lib/sync/test-support";
import { createVaultReader } from "@/lib/vault";
import type { ChecklistContext } from "./context";
import { recordDailyHistory } from "./history";
import { CHECKLIST_ITEMS } from "./items";
import { attestChecklistItem } from "./attest";
import { getChecklist, getChecklistHistory, getDashboardFigures } from "./service";
import type { ChecklistReport } from "./types";
import { createVaultProbe } from "./vault-probe";

const user = (role: CurrentUser["roles"][number]): CurrentUser => ({ email: `${role}@acme.example`, name: role, roles: [role] });
const item = (r: ChecklistReport, id: string) => r.items.find((i) => i.id === id)!;

describe("the architecture checklist over the demo organisation", () => {
  let w: SyncWorld;
  let ctxOf: (u: CurrentUser, now?: Date) => ChecklistContext;

  beforeAll(async () => {
    w = await startSyncWorld();
    const probe = createVaultProbe(() => [createVaultReader({ address: w.standin.url, token: DEMO_TOKENS.readonly, retries: 0, timeoutMs: 5_000 })]);
    ctxOf = (u, now) => ({ db: w.database.prisma, user: u, now: now ? () => now : undefined, vault: probe, workflows: { dir: w.config.workflowsDir!, owner: w.config.ciOwner } });
  });
  afterAll(async () => {
    await w?.close();
  });

  it("is unknown everywhere it depends on the inventory before the first sync", async () => {
    const report = await getChecklist(ctxOf(user("engineer")));
    expect(report.items.map((i) => i.id)).toEqual(CHECKLIST_ITEMS.map((i) => i.id));
    for (const id of ["single-source", "dynamic-db-credentials", "pki-certificates", "vault-config-in-git", "blast-radius-documented", "rotation-runbook"]) expect(item(report, id).status).toBe("unknown");
  });

  it("scores the ten items from the synced evidence, naming it", async () => {
    expect((await runSync({ trigger: "manual" }, w.deps())).status).toBe("succeeded");
    const report = await getChecklist(ctxOf(user("compliance")));
    // CI: the generator planted workflows with static repository secrets.
    const ci = item(report, "ci-static-secrets");
    expect(ci.status).toBe("fail");
    const planted = w.groundTruth.staticSecretWorkflows;
    expect(ci.evidenceTotal).toBeGreaterThanOrEqual(planted.length);
    expect(ci.evidence.map((e) => e.label).join("\n")).toContain(planted[0]!.repo);
    // Databases: a static role (and KV database passwords) exist.
    const dbItem = item(report, "dynamic-db-credentials");
    expect(dbItem.status).toBe("fail");
    expect(dbItem.evidence.some((e) => e.detail?.includes("database static role"))).toBe(true);
    // Drift was planted: Vault config in Git fails with names for a role that may see them.
    const drift = item(report, "vault-config-in-git");
    expect(drift.status).toBe("fail");
    expect(drift.evidence.map((e) => e.label).join("\n")).toContain(w.groundTruth.drift[0]!.name);
    // The stand-in reports a Shamir seal and a file audit device; no audit event was ingested.
    expect(item(report, "auto-unseal")).toMatchObject({ status: "fail" });
    const audit = item(report, "audit-forwarding");
    expect(audit.status).toBe("unknown");
    expect(audit.summary).toMatch(/No audit events have been ingested/);
    expect(audit.evidence.some((e) => e.label === "audit device file")).toBe(true);
    expect(item(report, "rotation-runbook").status).toBe("unknown");
    expect(item(report, "k8s-encryption").status).toBe("unknown");
    expect(item(report, "blast-radius-documented").status).toBe("fail");
    expect(report.counts.pass + report.counts.fail + report.counts.unknown).toBe(10);
    // An engineer sees the verdict but not the drifted resource names.
    const engineerDrift = item(await getChecklist(ctxOf(user("engineer"))), "vault-config-in-git");
    expect(engineerDrift.status).toBe("fail");
    expect(engineerDrift.evidence.map((e) => e.label).join("\n")).not.toContain(w.groundTruth.drift[0]!.name);
  });

  it("turns fresh audit events into a pass and stale ones into a fail", async () => {
    const now = new Date();
    const { ensureAuditEventPartitions } = await import("@/lib/db/audit-event-partitions");
    await ensureAuditEventPartitions(w.database.prisma, now);
    await w.database.prisma.auditEvent.create({ data: { time: new Date(now.getTime() - 60_000), cluster: "c", type: "request", path: "kv/data/x" } });
    expect(item(await getChecklist(ctxOf(user("compliance"), now)), "audit-forwarding").status).toBe("pass");
    const later = new Date(now.getTime() + 3 * 86_400_000);
    expect(item(await getChecklist(ctxOf(user("compliance"), later)), "audit-forwarding").status).toBe("fail");
  });

  it("lets only admins attest, audits each attestation, and expires the runbook after 90 days", async () => {
    const input = { item: "rotation-runbook" as const, outcome: "pass" as const, statement: "Ran the manual rotation runbook in staging: all consumers recovered.", performedAt: "2026-11-20" };
    for (const role of ["engineer", "security", "compliance"] as const) await expect(attestChecklistItem(ctxOf(user(role)), input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(attestChecklistItem(ctxOf(user("admin")), { ...input, performedAt: undefined })).rejects.toThrow(/runbook test is required/);
    await attestChecklistItem(ctxOf(user("admin")), input);
    const soon = item(await getChecklist(ctxOf(user("engineer"), new Date("2026-12-04T00:00:00Z"))), "rotation-runbook");
    expect(soon).toMatchObject({ status: "pass", attestation: { attestedBy: "admin@acme.example", performedAt: "2026-11-20T00:00:00.000Z" } });
    const late = item(await getChecklist(ctxOf(user("engineer"), new Date("2027-03-01T00:00:00Z"))), "rotation-runbook");
    expect(late.status).toBe("fail");
    expect(late.summary).toMatch(/older than the 90 days/);
    const audit = await w.database.prisma.portalAuditLog.findMany({ where: { action: "checklist.attest" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: "admin@acme.example", target: "checklist:rotation-runbook" });
    expect((await verifyPortalAuditChain(w.database.prisma)).ok).toBe(true);
    await attestChecklistItem(ctxOf(user("admin")), { item: "k8s-encryption", outcome: "pass", statement: "etcd uses the AWS KMS provider; ESO Secrets RBAC reviewed." });
    expect(item(await getChecklist(ctxOf(user("engineer"))), "k8s-encryption").status).toBe("pass");
  });

  it("aggregates the dashboard figures in SQL and records the daily history", async () => {
    const figures = await getDashboardFigures(ctxOf(user("engineer")));
    const secrets = await w.database.prisma.secret.count();
    expect(figures.secrets.total).toBe(secrets);
    expect(figures.secrets.byEnvironmentEngine.reduce((n, r) => n + r.count, 0)).toBe(secrets);
    expect(figures.exposure.reduce((n, b) => n + b.count, 0)).toBe(secrets);
    expect(figures.exposure).toHaveLength(10);
    expect(figures.secrets.withOwner).toBe(await w.database.prisma.secret.count({ where: { ownerTeam: { not: null } } }));
    const written = await recordDailyHistory(w.database.prisma, { now: new Date("2026-12-03T23:00:00Z") });
    await recordDailyHistory(w.database.prisma, { now: new Date("2026-12-03T23:30:00Z") });
    await recordDailyHistory(w.database.prisma, { now: new Date("2026-12-04T01:00:00Z") });
    expect(written.pass + written.fail + written.unknown).toBe(10);
    const history = await getChecklistHistory(ctxOf(user("engineer"), new Date("2026-12-05T00:00:00Z")));
    expect(history.map((h) => h.day)).toEqual(["2026-12-03", "2026-12-04"]);
    expect(history[0]!.ownerShare).toBeGreaterThan(0);
  });
});
