import "server-only";
import { isAppError } from "@/lib/errors";
import type { ReviewContext } from "./context";
import { updateRevocation } from "./decision-repository";
import type { RevocationStatus } from "./types";

/** Exactly what lib/changes `createChangeRequest` takes for a revocation from a review. */
export interface RevocationRequest {
  kind: "access.revoke";
  identityKey: string;
  secretKey: string;
  origin: "review";
  reviewId: string;
  reason: string;
}

export type RevocationOutcome =
  | { status: "opened"; changeId: string; prUrl: string | null }
  | { status: "failed"; changeId: string | null; error: string };

/** Opens the revocation pull request (the app: lib/changes; tests: a fake). */
export type RevocationOpener = (request: RevocationRequest) => Promise<RevocationOutcome>;

export interface RevocationState {
  status: RevocationStatus;
  changeId: string | null;
  prUrl: string | null;
  error: string | null;
}

function describe(error: unknown): string {
  const text = isAppError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim().slice(0, 500) || "unknown error";
}

/**
 * After a revoke decision committed: asks the changes capability for the pull request and records
 * the outcome on the decision. Without an opener the decision keeps its "pending" marker. A
 * failure never undoes the decision: the row says "failed" and why, and can be retried.
 */
export async function requestRevocation(ctx: ReviewContext, decision: { id: string; reviewId: string; identityKey: string; secretKey: string; justification: string }): Promise<RevocationState> {
  if (!ctx.openRevocation) return { status: "pending", changeId: null, prUrl: null, error: null };
  let outcome: RevocationOutcome;
  try {
    outcome = await ctx.openRevocation({
      kind: "access.revoke",
      identityKey: decision.identityKey,
      secretKey: decision.secretKey,
      origin: "review",
      reviewId: decision.reviewId,
      reason: decision.justification,
    });
  } catch (error) {
    outcome = { status: "failed", changeId: null, error: describe(error) };
  }
  if (outcome.status === "opened") {
    await updateRevocation(ctx.db, decision.id, { status: "opened", changeId: outcome.changeId, error: null });
    return { status: "opened", changeId: outcome.changeId, prUrl: outcome.prUrl, error: null };
  }
  await updateRevocation(ctx.db, decision.id, { status: "failed", changeId: outcome.changeId, error: outcome.error });
  return { status: "failed", changeId: outcome.changeId, prUrl: null, error: outcome.error };
}
