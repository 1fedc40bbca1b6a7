import { withApiAuth } from "@/lib/auth/guard";
import { detectionContext, listAlerts, openAlertExport } from "@/lib/detection";
import { ALERT_CSV } from "@/lib/detection/csv-columns";
import { alertListSchema } from "@/lib/detection/schemas";
import { csvResponse, csvStream } from "@/lib/inventory/csv";
import { jsonResponse } from "@/lib/inventory/responses";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/alerts?q&rule&severity&status&assignee&sort&dir&page&pageSize[&format=csv] (security, admin) */
export const GET = withApiAuth("alerts.read", async (req, { user }) => {
  const params = parseStrict(alertListSchema, req.nextUrl.searchParams);
  const ctx = detectionContext(user);
  if (params.format === "csv") return csvResponse(csvStream(ALERT_CSV, openAlertExport(ctx, params)), `alerts-${params.status ?? "all"}`);
  return jsonResponse(await listAlerts(ctx, params));
});
