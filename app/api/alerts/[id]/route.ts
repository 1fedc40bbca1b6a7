import { withApiAuth } from "@/lib/auth/guard";
import { detectionContext, getAlertDetail } from "@/lib/detection";
import { jsonResponse } from "@/lib/inventory/responses";

/** GET /api/alerts/<id>: one alert with its evidence and triage history (security, admin). */
export const GET = withApiAuth<{ id: string }>("alerts.read", async (_req, { user, params }) => {
  return jsonResponse(await getAlertDetail(detectionContext(user), params.id));
});
