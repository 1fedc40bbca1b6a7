import { withApiAuth } from "@/lib/auth/guard";
import { getRequestContext } from "@/lib/auth/request-context";
import { decideGrant, reviewContext } from "@/lib/review";

const noStore = { "cache-control": "no-store" };

/**
 * POST /api/reviews/<id>/decisions/<decisionId> {outcome: "keep"|"revoke", justification}: one
 * decision (assigned reviewers or campaign managers; the service checks). 422 with field messages.
 */
export const POST = withApiAuth<{ id: string; decisionId: string }>("reviews.decide", async (req, { user, params }) => {
  const body = ((await req.json().catch(() => null)) ?? {}) as Record<string, unknown>;
  const result = await decideGrant(reviewContext(user, await getRequestContext()), { ...body, decisionId: params.decisionId });
  if (!result.ok) return Response.json({ error: { code: "unprocessable", message: "The decision is not valid.", details: { fieldErrors: result.fieldErrors } } }, { status: 422, headers: noStore });
  return Response.json(result, { headers: noStore });
});
