import "server-only";
import { AppError } from "@/lib/errors";
import { auditReview } from "./audit";
import { countProgress, lockCampaign } from "./campaign-repository";
import { assertCan, nowOf, type ReviewContext } from "./context";
import { reviewIdSchema } from "./schemas";
import type { Progress } from "./types";

/**
 * Closes a campaign: no decision changes afterwards. Closing with decisions still pending is
 * allowed (a deadline passed); they stay "pending" in the report, and the audit record counts them.
 */
export async function closeCampaign(ctx: ReviewContext, rawId: string): Promise<{ id: string; progress: Progress }> {
  assertCan(ctx, "reviews.manage");
  const parsed = reviewIdSchema.safeParse(rawId);
  if (!parsed.success) throw new AppError("not_found", { userMessage: "No such review campaign." });
  const id = parsed.data;
  return ctx.db.$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, id);
    if (!campaign) throw new AppError("not_found", { userMessage: "No such review campaign." });
    if (campaign.status === "closed") throw new AppError("conflict", { userMessage: "This campaign is already closed." });
    const progress = (await countProgress(tx, [id], null)).get(id)!;
    await tx.review.update({ where: { id }, data: { status: "closed", closedAt: nowOf(ctx), closedBy: ctx.user.email } });
    await auditReview(tx, ctx, "reviews.close", `review:${id}`, { ...progress });
    return { id, progress };
  });
}
