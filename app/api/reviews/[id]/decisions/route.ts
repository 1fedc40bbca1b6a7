import { withApiAuth } from "@/lib/auth/guard";
import { parseStrict } from "@/lib/inventory/search-params";
import { listDecisions, reviewContext } from "@/lib/review";
import { decisionListSchema } from "@/lib/review/schemas";

/** GET /api/reviews/<id>/decisions?reviewer&outcome&team&page&pageSize: decisions with evidence (engineers: their own). */
export const GET = withApiAuth<{ id: string }>("authenticated", async (req, { user, params }) => {
  const query = parseStrict(decisionListSchema, req.nextUrl.searchParams);
  return Response.json(await listDecisions(reviewContext(user), params.id, query), { headers: { "cache-control": "no-store" } });
});
