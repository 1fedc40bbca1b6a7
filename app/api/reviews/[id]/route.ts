import { withApiAuth } from "@/lib/auth/guard";
import { getCampaign, reviewContext } from "@/lib/review";

/** GET /api/reviews/<id>: the campaign with progress overall and per reviewer (readers, or its assigned reviewers). */
export const GET = withApiAuth<{ id: string }>("authenticated", async (_req, { user, params }) =>
  Response.json(await getCampaign(reviewContext(user), params.id), { headers: { "cache-control": "no-store" } }),
);
