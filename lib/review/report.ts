import "server-only";
import { AppError } from "@/lib/errors";
import { auditReview } from "./audit";
import { countProgress, findCampaign } from "./campaign-repository";
import { assertCan, nowOf, type ReviewContext } from "./context";
import { auditEvidenceAvailable, iterateDecisions } from "./decision-repository";
import type { ReportRow } from "./report-types";
import { reviewIdSchema } from "./schemas";
import type { CampaignSummary } from "./types";
import { toCampaignSummary, toDecisionFacts } from "./views";

export interface ReviewReport {
  campaign: CampaignSummary & { snapshotId: string | null };
  generatedAt: string;
  /** Every decision, in batches (keyset-paged: never the whole campaign in memory). */
  rows: AsyncGenerator<ReportRow[]>;
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
      for await (const batch of iterateDecisions(db, record.id)) yield batch.map((r) => toDecisionFacts(r, auditAvailable));
    })(),
  };
}
