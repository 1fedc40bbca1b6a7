import { withApiAuth } from "@/lib/auth/guard";
import { getRequestContext } from "@/lib/auth/request-context";
import { parseStrict } from "@/lib/inventory/search-params";
import { createCampaign, listCampaigns, reviewContext } from "@/lib/review";
import { campaignListSchema } from "@/lib/review/schemas";

const noStore = { "cache-control": "no-store" };

/**
 * GET /api/reviews?status&page: campaigns with progress. Signed in here; the service allows
 * "reviews.read" (everything) or "reviews.decide" (the campaigns assigned to the caller).
 */
export const GET = withApiAuth("authenticated", async (req, { user }) => {
  const params = parseStrict(campaignListSchema, req.nextUrl.searchParams);
  return Response.json(await listCampaigns(reviewContext(user), params), { headers: noStore });
});

/** POST /api/reviews {name, deadline, environment?, team?, mount?, classification?}: 201, or 422 with field messages. */
export const POST = withApiAuth("reviews.manage", async (req, { user }) => {
  const body: unknown = await req.json().catch(() => null);
  const result = await createCampaign(reviewContext(user, await getRequestContext()), body ?? {});
  if (!result.ok) return Response.json({ error: { code: "unprocessable", message: "The campaign is not valid.", details: { fieldErrors: result.fieldErrors } } }, { status: 422, headers: noStore });
  return Response.json(result, { status: 201, headers: { ...noStore, location: `/api/reviews/${result.id}` } });
});
