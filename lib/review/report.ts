import "server-only";
import { AppError } from "@/lib/errors";
import { auditReview } from "./audit";
import { countProgress, findCampaign } from "./campaign-repository";
import { assertCan, nowOf, type ReviewContext } from "./context";
import { auditEvidenceAvailable, iterateDecisions, statOf, type DecisionRecord } from "./decision-repository";
import { parseStoredEvidence, toEvidence } from "./evidence";
import type { ReportRow } from "./report-types";
import { reviewIdSchema } from "./schemas";
import type { CampaignSummary, RevocationStatus } from "./types";
import { toCampaignSummary } from "./views";

export interface ReviewReport {
  campaign: CampaignSummary & { snapshotId: string | null };
  generatedAt: string;
  /** Every decision, in batches (keyset-paged: never the whole campaign in memory). */
  rows: AsyncGenerator<ReportRow[]>;
}

function toReportRow(r: DecisionRecord, auditAvailable: boolean): ReportRow {
  return {
    identityKey: r.identity_key, secretKey: r.secret_key, capabilities: r.capabilities, policyName: r.policy_name, ownerTeam: r.owner_team,
    environment: r.environment, assignedTo: r.assigned_to, outcome: r.outcome, reviewer: r.reviewer, reviewerName: r.reviewer_name,
    justification: r.justification, decidedAt: r.decided_at ? r.decided_at.toISOString() : null, selfReview: r.self_review,
    evidence: (r.outcome !== "pending" ? parseStoredEvidence(r.evidence) : null) ?? toEvidence(statOf(r), auditAvailable),
    revocationStatus: r.revocation_status as RevocationStatus | null, revocationChangeId: r.revocation_change_id,
  };
}

/**
 * The campaign report (compliance evidence): checked and audited before the first byte streams.
 * Needs "reviews.read" (security, compliance, admin).
 */
export async function openReviewReport(ctx: ReviewContext, rawId: string, format: "csv" | "pdf"): Promise<ReviewReport> {
  assertCan(ctx, "reviews.read");
  const id = reviewIdSchema.safeParse(rawId);
  const record = id.success ? await findCampaign(ctx.db, id.data) : null;
  if (!record) throw new AppError("not_found", { userMessage: "No such review campaign." });
  const [progress, auditAvailable] = await Promise.all([countProgress(ctx.db, [record.id], null), auditEvidenceAvailable(ctx.db)]);
  await auditReview(ctx.db, ctx, "reviews.report", `review:${record.id}`, { format, decisions: progress.get(record.id)?.total ?? 0 });
  const db = ctx.db;
  return {
    campaign: { ...toCampaignSummary(record, progress.get(record.id)!, nowOf(ctx)), snapshotId: record.snapshotId },
    generatedAt: nowOf(ctx).toISOString(),
    rows: (async function* () {
      for await (const batch of iterateDecisions(db, record.id)) yield batch.map((r) => toReportRow(r, auditAvailable));
    })(),
  };
}
