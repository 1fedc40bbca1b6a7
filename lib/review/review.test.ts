import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPortalAuditChain } from "@/lib/audit-trail";
import type { CurrentUser } from "@/lib/auth/user";
import { TEST_NOW } from "@/lib/demo/generator/test-fixture";
import { csvStream } from "@/lib/inventory/csv";
import { runSync } from "@/lib/sync/run-sync";
import { startSyncWorld, type SyncWorld } from "@/lib/sync/test-support";
import { closeCampaign } from "./close-campaign";
import type { ReviewContext } from "./context";
import { createCampaign } from "./create-campaign";
import { decideGrant, retryRevocation } from "./decide-grant";
import { findSignedInUsers } from "./directory-repository";
import { getCampaign, listCampaigns, listDecisions } from "./read-campaigns";
import { openReviewReport } from "./report";
import { REVIEW_REPORT_CSV } from "./report-csv";
import { reviewReportPdf } from "./report-pdf";
import type { RevocationOpener, RevocationRequest } from "./revocation";
import { decisionListSchema } from "./schemas";
import { sendReviewReminders } from "./send-reminders";
import { demoDirectory, demoUser, pdfPageCount, pdfText, readAll } from "./test-support";

const DAY = 86_400_000;
const q = (params: Record<string, unknown>) => decisionListSchema.parse(params);
const inDays = (n: number) => new Date(TEST_NOW.getTime() + n * DAY).toISOString();

describe("access-review campaigns over the synced demo organisation", () => {
  let w: SyncWorld;
  const opened: RevocationRequest[] = [];
  const fakeChanges: RevocationOpener = async (request) => {
    opened.push(request);
    if (request.identityKey.includes("legacy-ledger-sync")) return { status: "failed", changeId: null, error: "the forge said no" };
    return { status: "opened", changeId: "00000000-0000-4000-8000-00000000000" + opened.length, prUrl: `local://pulls/${opened.length}` };
  };
  const ctx = (user: CurrentUser, extra: Partial<ReviewContext> = {}): ReviewContext => ({
    db: w.database.prisma, user, directory: demoDirectory(), now: () => TEST_NOW, openRevocation: fakeChanges, ...extra,
  });
  const sam = () => ctx(demoUser("sam"));
  const alice = () => ctx(demoUser("alice"));
  let paymentsProd: string;
  let searchDev: string;

  const decisionsOf = async (reviewId: string, who = sam()) => (await listDecisions(who, reviewId, q({ page: 1, pageSize: 200 }))).rows;
  const find = async (reviewId: string, identityPart: string, who = sam()) => {
    const row = (await decisionsOf(reviewId, who)).find((r) => r.identityKey.includes(identityPart) && r.outcome === "pending");
    if (!row) throw new Error(`no pending decision for ${identityPart}`);
    return row;
  };

  beforeAll(async () => {
    w = await startSyncWorld();
    expect(await runSync({ trigger: "manual" }, w.deps())).toMatchObject({ status: "succeeded" });
  });
  afterAll(async () => {
    await w?.close();
  });

  it("creates a campaign over a scope: one decision per grant, by stable keys, assigned by owner team", async () => {
    const created = await createCampaign(sam(), { name: "Payments prod Q4", team: "payments", environment: "prod", deadline: inDays(14) });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    paymentsProd = created.id;
    const db = w.database.prisma;
    const expected = await db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT (i.key, s.key))::int AS n FROM grants g JOIN secrets s ON s.id = g.secret_id JOIN identities i ON i.id = g.identity_id
      WHERE s.owner_team = 'team-payments' AND s.environment = 'prod'`;
    expect(created.grantCount).toBe(expected[0]!.n);
    expect(created.grantCount).toBeGreaterThan(50);
    const rows = await db.reviewDecision.findMany({ where: { reviewId: paymentsProd } });
    expect(rows.every((r) => r.ownerTeam === "team-payments" && r.environment === "prod" && r.outcome === "pending")).toBe(true);
    // alice is the only decider in SSO group team-payments.
    expect(new Set(rows.map((r) => r.assignedTo.join()))).toEqual(new Set(["alice@radius.example"]));
    const detail = await getCampaign(sam(), paymentsProd);
    expect(detail).toMatchObject({ status: "open", progress: { total: created.grantCount, pending: created.grantCount, percent: 0 }, teams: ["team-payments"] });
    expect(detail.reviewers.map((r) => r.reviewer)).toEqual(["alice@radius.example"]);
  });

  it("falls back to the creator for a team without reviewers (nina is in team-search but holds no Radius role)", async () => {
    const created = await createCampaign(sam(), { name: "Search dev", team: "team-search", environment: "dev", deadline: inDays(2) });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    searchDev = created.id;
    const assigned = await w.database.prisma.reviewDecision.findMany({ where: { reviewId: searchDev }, select: { assignedTo: true } });
    expect(new Set(assigned.map((a) => a.assignedTo.join()))).toEqual(new Set(["sam@radius.example"]));
  });

  it("copies every grant of an unscoped campaign in one statement", async () => {
    const created = await createCampaign(ctx(demoUser("adam")), { name: "Everything", deadline: inDays(30) });
    expect(created.ok).toBe(true);
    const [distinct] = await w.database.prisma.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT (identity_id, secret_id))::int AS n FROM grants`;
    if (created.ok) expect(created.grantCount).toBe(distinct!.n);
  });

  it("rejects bad input field by field, and a scope with no grant", async () => {
    expect(await createCampaign(sam(), { name: "x", deadline: "" })).toEqual({ ok: false, fieldErrors: { name: "Name: at least 3 characters", deadline: "Choose a deadline" } });
    expect(await createCampaign(sam(), { name: "Past", deadline: "2026-01-01" })).toEqual({ ok: false, fieldErrors: { deadline: "The deadline must be in the future" } });
    expect(await createCampaign(sam(), { name: "Nothing", team: "no-such-team", deadline: inDays(3) })).toMatchObject({ ok: false, fieldErrors: { _form: expect.stringContaining("No grant") } });
  });

  it("denies by role: compliance and engineers cannot create; compliance reads but cannot decide; nobody without a role reads", async () => {
    await expect(createCampaign(ctx(demoUser("carol")), { name: "Nope", deadline: inDays(3) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createCampaign(alice(), { name: "Nope", deadline: inDays(3) })).rejects.toMatchObject({ code: "forbidden" });
    const carol = ctx(demoUser("carol"));
    expect((await listCampaigns(carol, { page: 1 })).rows.length).toBeGreaterThanOrEqual(2);
    const row = await find(paymentsProd, "approle/legacy-billing-export", carol);
    expect(row.canDecide).toBe(false);
    await expect(decideGrant(carol, { decisionId: row.id, outcome: "keep", justification: "Looks fine to compliance." })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listCampaigns(ctx(demoUser("nina")), { page: 1 })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows an engineer only the campaigns and decisions assigned to them, and refuses the others", async () => {
    const list = await listCampaigns(alice(), { page: 1 });
    expect(list.rows.map((r) => r.id)).toContain(paymentsProd);
    expect(list.rows.map((r) => r.id)).not.toContain(searchDev);
    await expect(getCampaign(alice(), searchDev)).rejects.toMatchObject({ code: "not_found" });
    const notMine = (await decisionsOf(searchDev))[0]!;
    await expect(decideGrant(alice(), { decisionId: notMine.id, outcome: "keep", justification: "I think this is fine." })).rejects.toMatchObject({ code: "forbidden" });
    const mine = await decisionsOf(paymentsProd, alice());
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.canDecide)).toBe(true);
  });

  it("records a keep with its justification, the evidence shown and the audit record; a decision is final", async () => {
    const row = await find(paymentsProd, "approle/legacy-billing-export", alice());
    expect(row.evidence).toEqual({ kind: "none" }); // no audit log ingested yet
    expect(row.selfReviewWarning).toBeNull();
    expect(await decideGrant(alice(), { decisionId: row.id, outcome: "keep", justification: "short" })).toEqual({ ok: false, fieldErrors: { justification: "Justification: at least 10 characters" } });
    const result = await decideGrant(alice(), { decisionId: row.id, outcome: "keep", justification: "Nightly billing export still needs it (BILL-42)." });
    expect(result).toEqual({ ok: true, outcome: "keep", selfReview: false, revocation: null });
    await expect(decideGrant(sam(), { decisionId: row.id, outcome: "revoke", justification: "Changed my mind about this." })).rejects.toMatchObject({ code: "conflict" });
    const stored = await w.database.prisma.reviewDecision.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ outcome: "keep", reviewer: "alice@radius.example", reviewerName: "Alice Nguyen", justification: "Nightly billing export still needs it (BILL-42).", selfReview: false, evidence: { kind: "none" } });
    const audit = await w.database.prisma.portalAuditLog.findFirstOrThrow({ where: { action: "reviews.decide" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorEmail: "alice@radius.example", target: `review:${paymentsProd}`, details: { decisionId: row.id, outcome: "keep", selfReview: null } });
  });

  it("warns on self-review: the reviewer's own team's group, and their team's workload identity", async () => {
    const group = await find(paymentsProd, "group/team-payments-oncall", alice());
    expect(group.selfReviewWarning).toBe("An identity group of your team (payments)");
    const k8s = await find(paymentsProd, "kubernetes-prod/payments-api", alice());
    expect(k8s.selfReviewWarning).toMatch(/identity of your team \(payments\)/);
    const result = await decideGrant(alice(), { decisionId: group.id, outcome: "keep", justification: "On-call needs production access." });
    expect(result).toMatchObject({ ok: true, selfReview: true });
    // sam (security, no team) reviewing the same kind of grant is not a self-review.
    expect((await find(paymentsProd, "group/team-payments-oncall", sam())).selfReviewWarning).toBeNull();
  });

  it("turns a revoke into a revocation pull request request through the changes capability", async () => {
    const row = await find(paymentsProd, "group/contractors", alice());
    const result = await decideGrant(alice(), { decisionId: row.id, outcome: "revoke", justification: "Contractors must not list production payments secrets." });
    expect(result).toMatchObject({ ok: true, outcome: "revoke", revocation: { status: "opened", prUrl: expect.stringMatching(/^local:\/\/pulls\//) } });
    expect(opened.at(-1)).toEqual({
      kind: "access.revoke", identityKey: row.identityKey, secretKey: row.secretKey, origin: "review", reviewId: paymentsProd,
      reason: "Contractors must not list production payments secrets.",
    });
    const stored = await w.database.prisma.reviewDecision.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ outcome: "revoke", revocationStatus: "opened", revocationChangeId: expect.stringMatching(/^0{8}-/) });
  });

  it("keeps a 'revocation pending' marker when changes are off, and a failure with its reason; both can be retried", async () => {
    const pending = await find(paymentsProd, "approle/legacy-billing-export", alice());
    const off = ctx(demoUser("alice"), { openRevocation: undefined });
    expect(await decideGrant(off, { decisionId: pending.id, outcome: "revoke", justification: "Export moved to the new pipeline." })).toMatchObject({ ok: true, revocation: { status: "pending", changeId: null } });
    expect(await w.database.prisma.reviewDecision.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ revocationStatus: "pending" });
    expect(await retryRevocation(alice(), pending.id)).toMatchObject({ status: "opened" });

    const failing = await find(paymentsProd, "approle/legacy-ledger-sync", alice());
    expect(await decideGrant(alice(), { decisionId: failing.id, outcome: "revoke", justification: "Ledger sync was decommissioned." })).toMatchObject({ ok: true, revocation: { status: "failed", error: "the forge said no" } });
    expect(await w.database.prisma.reviewDecision.findUniqueOrThrow({ where: { id: failing.id } })).toMatchObject({ outcome: "revoke", revocationStatus: "failed", revocationError: "the forge said no" });
    await expect(retryRevocation(ctx(demoUser("carol")), failing.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows evidence of use from access_stats: reads, unused, or no audit evidence", async () => {
    const [a, b] = (await decisionsOf(paymentsProd)).filter((r) => r.outcome === "pending");
    await w.database.prisma.accessStat.create({ data: { identityKey: a!.identityKey, secretKey: a!.secretKey, lastReadAt: new Date("2026-12-01T10:00:00Z"), reads30d: 4, reads90d: 12 } });
    const rows = await decisionsOf(paymentsProd);
    expect(rows.find((r) => r.id === a!.id)!.evidence).toEqual({ kind: "used", lastReadAt: "2026-12-01T10:00:00.000Z", reads30d: 4, reads90d: 12 });
    expect(rows.find((r) => r.id === b!.id)!.evidence).toMatchObject({ kind: "unused" });
    await decideGrant(alice(), { decisionId: a!.id, outcome: "keep", justification: "Read daily by the API; needed." });
    expect((await w.database.prisma.reviewDecision.findUniqueOrThrow({ where: { id: a!.id } })).evidence).toMatchObject({ kind: "used", reads90d: 12 });
  });

  it("filters decisions by reviewer, outcome and team, and paginates", async () => {
    const kept = await listDecisions(sam(), paymentsProd, q({ outcome: "keep", page: 1, pageSize: 25 }));
    expect(kept.total).toBe(3);
    expect(kept.rows.every((r) => r.outcome === "keep" && r.reviewer === "alice@radius.example")).toBe(true);
    const revoked = await listDecisions(sam(), paymentsProd, q({ outcome: "revoke", reviewer: "alice@radius.example", team: "payments", page: 1, pageSize: 25 }));
    expect(revoked.total).toBe(3);
    expect((await listDecisions(sam(), paymentsProd, q({ team: "search", page: 1, pageSize: 25 }))).total).toBe(0);
    const page2 = await listDecisions(sam(), paymentsProd, q({ page: 2, pageSize: 25 }));
    expect(page2.rows.length).toBe(25);
    expect(page2.total).toBeGreaterThan(50);
  });

  it("reports progress per campaign and per reviewer", async () => {
    const detail = await getCampaign(sam(), paymentsProd);
    expect(detail.progress).toMatchObject({ kept: 3, revoked: 3, decided: 6, pending: detail.progress.total - 6 });
    expect(detail.progress.percent).toBe(Math.floor((600) / detail.progress.total));
    expect(detail.reviewers).toEqual([{ reviewer: "alice@radius.example", ...detail.progress }]);
  });

  it("reminds reviewers with pending decisions near the deadline once, in the audit trail and through the hook", async () => {
    const notified: string[] = [];
    const first = await sendReviewReminders({ db: w.database.prisma, now: () => TEST_NOW, notify: async (r) => void notified.push(`${r.reviewer} ${r.campaign} ${r.pending}`) });
    // Only "Search dev" is due within 72 hours.
    expect(first.sent.map((r) => [r.reviewId, r.reviewer])).toEqual([[searchDev, "sam@radius.example"]]);
    expect(notified).toEqual([expect.stringMatching(/^sam@radius.example Search dev \d+$/)]);
    expect(await w.database.prisma.portalAuditLog.count({ where: { action: "reviews.remind", target: `review:${searchDev}` } })).toBe(1);
    expect((await sendReviewReminders({ db: w.database.prisma, now: () => TEST_NOW })).sent).toEqual([]);
    const dayLater = await sendReviewReminders({ db: w.database.prisma, now: () => new Date(TEST_NOW.getTime() + 25 * 3_600_000) });
    expect(dayLater.sent.map((r) => r.reviewId)).toEqual([searchDev]);
  });

  it("writes the report as CSV, every decision with who, what, outcome, justification, evidence and when", async () => {
    const report = await openReviewReport(ctx(demoUser("carol")), paymentsProd, "csv");
    const csv = (await readAll(csvStream(REVIEW_REPORT_CSV, report.rows))).toString("utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("secret,identity,capabilities,policy,owner_team,environment,assigned_reviewers,outcome,decided_by,decided_by_name,decided_at,justification,self_review,evidence,last_read_at,reads_90d,revocation_status,revocation_change_id");
    expect(lines.length - 1).toBe(report.campaign.progress.total);
    expect(csv).toContain("Nightly billing export still needs it (BILL-42).");
    expect(lines.find((l) => l.includes("group/team-payments-oncall") && l.includes(",keep,"))).toContain(",true,");
    expect(lines.filter((l) => l.includes(",revoke,"))).toHaveLength(3);
    expect(csv).toContain("12 reads in 90 days, last read 2026-12-01");
    await expect(openReviewReport(alice(), paymentsProd, "csv")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("writes the report as a real PDF that parses, with every decision", async () => {
    const report = await openReviewReport(sam(), paymentsProd, "pdf");
    const pdf = await readAll(reviewReportPdf(report.campaign, report.generatedAt, report.rows));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    const text = pdfText(pdf);
    expect(text).toContain("Access review report");
    expect(text).toContain("Payments prod Q4");
    expect(text).toContain("Justification: Nightly billing export still needs it (BILL-42).");
    expect(text).toContain("SELF-REVIEW");
    const decisions = (text.match(/^(KEEP|REVOKE|PENDING) {2}/gm) ?? []).length;
    expect(decisions).toBe(report.campaign.progress.total);
    // About a dozen decisions fit on an A4 page.
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(Math.ceil(decisions / 20));
  });

  it("closes a campaign; nothing can be decided afterwards; every action is in the hash-chained audit trail", async () => {
    await expect(closeCampaign(alice(), paymentsProd)).rejects.toMatchObject({ code: "forbidden" });
    const closed = await closeCampaign(sam(), paymentsProd);
    expect(closed.progress.decided).toBe(6);
    const row = (await decisionsOf(paymentsProd)).find((r) => r.outcome === "pending")!;
    expect(row.canDecide).toBe(false);
    await expect(decideGrant(sam(), { decisionId: row.id, outcome: "keep", justification: "Too late for this one." })).rejects.toMatchObject({ code: "conflict" });
    await expect(closeCampaign(sam(), paymentsProd)).rejects.toMatchObject({ code: "conflict" });
    const actions = await w.database.prisma.portalAuditLog.groupBy({ by: ["action"], _count: true, where: { action: { startsWith: "reviews." } } });
    expect(Object.fromEntries(actions.map((a) => [a.action, a._count]))).toMatchObject({ "reviews.create": 3, "reviews.decide": 6, "reviews.close": 1, "reviews.report": 2 });
    expect(await verifyPortalAuditChain(w.database.prisma)).toMatchObject({ ok: true });
  });

  it("finds reviewers' SSO groups in the sign-in records of the audit trail", async () => {
    const db = w.database.prisma;
    await db.$transaction(async (tx) => {
      const { appendPortalAudit } = await import("@/lib/audit-trail");
      await appendPortalAudit(tx, { actorEmail: "alice@radius.example", actorRoles: ["engineer"], action: "auth.sign_in", details: { groups: ["radius-engineers"] } });
      await appendPortalAudit(tx, { actorEmail: "alice@radius.example", actorRoles: ["engineer"], action: "auth.sign_in", details: { groups: ["radius-engineers", "team-payments"] } });
    });
    expect(await findSignedInUsers(db)).toEqual([{ email: "alice@radius.example", name: null, groups: ["radius-engineers", "team-payments"], roles: ["engineer"] }]);
  });
});
