import { withApiAuth } from "@/lib/auth/guard";
import { getRequestContext } from "@/lib/auth/request-context";
import { closeCampaign, reviewContext } from "@/lib/review";

/** POST /api/reviews/<id>/close: no decision changes afterwards (409 when already closed). */
export const POST = withApiAuth<{ id: string }>("reviews.manage", async (_req, { user, params }) =>
  Response.json(await closeCampaign(reviewContext(user, await getRequestContext()), params.id), { headers: { "cache-control": "no-store" } }),
);
