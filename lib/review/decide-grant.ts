import "server-only";
import type { Prisma } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { auditReview } from "./audit";
import { assertCan, canManage, nowOf, type ReviewContext } from "./context";
import { auditEvidenceAvailable, findDecision, lockDecision, recordDecision, statOf } from "./decision-repository";
import { groupsOf } from "./directory";
import { toEvidence } from "./evidence";
import { requestRevocation, type RevocationState } from "./revocation";
import { decideSchema, fieldErrors } from "./schemas";
import { selfReviewReason } from "./self-review";
import type { DecideResult } from "./types";
import { mayDecide } from "./views";

/**
 * Keep or revoke ONE grant, with a justification (there is deliberately no bulk decision). The
 * decider must hold "reviews.decide" and be an assigned reviewer of the grant, or hold
 * "reviews.manage". A decision is final. The decision, the evidence the reviewer saw, the
 * self-review flag and the audit record commit together; a revoke then opens the revocation pull
 * request through lib/changes (outside the transaction: a forge call must not hold row locks).
 */
export async function decideGrant(ctx: ReviewContext, raw: unknown): Promise<DecideResult> {
  assertCan(ctx, "reviews.decide");
  const parsed = decideSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const input = parsed.data;
  const [groups, auditAvailable] = await Promise.all([groupsOf(ctx.directory, ctx.user.email), auditEvidenceAvailable(ctx.db)]);

  const decided = await ctx.db.$transaction(async (tx) => {
    const row = await lockDecision(tx, input.decisionId);
    if (!row) throw new AppError("not_found", { userMessage: "No such decision." });
    if (!mayDecide(ctx.user, row.assigned_to)) {
      throw new AppError("forbidden", { userMessage: "You are not a reviewer of this grant: only its assigned reviewers or a campaign manager can decide it." });
    }
    if (row.review_status !== "open") throw new AppError("conflict", { userMessage: "This campaign is closed; its decisions can no longer change." });
    if (row.outcome !== "pending") throw new AppError("conflict", { userMessage: `This grant was already decided (${row.outcome}) by ${row.reviewer ?? "someone else"}.` });
    const selfReason = selfReviewReason({ email: ctx.user.email, groups }, { identityKey: row.identity_key, identityTeams: row.identity_teams });
    const evidence = toEvidence(statOf(row), auditAvailable);
    await recordDecision(tx, row.id, {
      outcome: input.outcome, reviewer: ctx.user.email, reviewerName: ctx.user.name, justification: input.justification,
      decidedAt: nowOf(ctx), selfReview: selfReason !== null, evidence: evidence as unknown as Prisma.InputJsonValue,
    });
    await auditReview(tx, ctx, "reviews.decide", `review:${row.review_id}`, {
      decisionId: row.id, identityKey: row.identity_key, secretKey: row.secret_key, outcome: input.outcome,
      justification: input.justification, selfReview: selfReason, evidence, asManager: !row.assigned_to.includes(ctx.user.email) && canManage(ctx),
    });
    return { row, selfReason };
  });

  let revocation: RevocationState | null = null;
  if (input.outcome === "revoke") {
    const { row } = decided;
    revocation = await requestRevocation(ctx, { id: row.id, reviewId: row.review_id, identityKey: row.identity_key, secretKey: row.secret_key, justification: input.justification });
  }
  return { ok: true, outcome: input.outcome, selfReview: decided.selfReason !== null, revocation };
}

/**
 * Opens the pull request of a revoke decision still "pending" (the changes capability was off) or
 * "failed" (the forge refused). Allowed to the decider and to campaign managers.
 */
export async function retryRevocation(ctx: ReviewContext, decisionId: string): Promise<RevocationState> {
  assertCan(ctx, "reviews.decide");
  const row = await findDecision(ctx.db, decisionId);
  if (!row || row.outcome !== "revoke") throw new AppError("not_found", { userMessage: "No revoke decision with this id." });
  if (row.reviewer !== ctx.user.email && !canManage(ctx)) throw new AppError("forbidden");
  if (row.revocation_status === "opened") throw new AppError("conflict", { userMessage: "The revocation pull request is already open." });
  if (!ctx.openRevocation) return { status: "pending", changeId: null, prUrl: null, error: null };
  return requestRevocation(ctx, { id: row.id, reviewId: row.review_id, identityKey: row.identity_key, secretKey: row.secret_key, justification: row.justification ?? "Revoked in an access review." });
}
