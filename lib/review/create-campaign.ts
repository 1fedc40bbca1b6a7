import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/create-client";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { AppError } from "@/lib/errors";
import { auditReview } from "./audit";
import { anyGrantInScope, copyGrantsIntoCampaign, findTeamsInScope } from "./campaign-repository";
import { assertCan, nowOf, type ReviewContext } from "./context";
import { assignReviewers } from "./directory";
import { createCampaignSchema, deadlineProblem, fieldErrors, type ReviewScope } from "./schemas";
import type { CreateCampaignResult } from "./types";

/**
 * Creates a campaign over the grants of the active snapshot that match the scope: the campaign row,
 * one decision per grant (copied by stable keys in one INSERT ... SELECT, reviewers assigned by the
 * secret's owner team) and the audit record commit together, or not at all.
 */
export async function createCampaign(ctx: ReviewContext, raw: unknown): Promise<CreateCampaignResult> {
  assertCan(ctx, "reviews.manage");
  const parsed = createCampaignSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const input = parsed.data;
  const problem = deadlineProblem(input.deadline, nowOf(ctx));
  if (problem) return { ok: false, fieldErrors: { deadline: problem } };

  const snapshotId = await getActiveSnapshotId(ctx.db);
  if (!snapshotId) throw new AppError("unavailable", { userMessage: "The inventory has not been synced yet; create the campaign after the first sync." });
  const scope: ReviewScope = { environment: input.environment, team: input.team, mount: input.mount, classification: input.classification };
  if (!(await anyGrantInScope(ctx.db, snapshotId, scope))) {
    return { ok: false, fieldErrors: { _form: "No grant in the current inventory matches this scope. Widen it and try again." } };
  }
  const teams = await findTeamsInScope(ctx.db, snapshotId, scope);
  const reviewersByTeam = assignReviewers(teams, await ctx.directory.listUsers());

  const id = randomUUID();
  const grantCount = await ctx.db.$transaction(
    async (tx) => {
      await tx.review.create({
        data: {
          id, name: input.name, scope: scope as Prisma.InputJsonValue, createdBy: ctx.user.email, createdByName: ctx.user.name,
          dueAt: input.deadline, snapshotId,
        },
      });
      const count = await copyGrantsIntoCampaign(tx, { reviewId: id, snapshotId, scope, reviewersByTeam, fallbackReviewer: ctx.user.email });
      await tx.review.update({ where: { id }, data: { grantCount: count } });
      await auditReview(tx, ctx, "reviews.create", `review:${id}`, {
        name: input.name, scope, deadline: input.deadline.toISOString(), snapshotId, grants: count,
        reviewersByTeam, teamsWithoutReviewer: teams.filter((t) => !reviewersByTeam[t]),
      });
      return count;
    },
    // Copying 100,000 grants is one statement, but not an instant one.
    { maxWait: 10_000, timeout: 120_000 },
  );
  return { ok: true, id, grantCount };
}
