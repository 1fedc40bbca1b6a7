import { withApiAuth } from "@/lib/auth/guard";
import { estimateExport, exportContext, exportRequestSchema } from "@/lib/exports";
import { jsonResponse } from "@/lib/inventory/responses";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/exports/estimate?dataset&from&to&environment&team -> { rows } for the progress bar. */
export const GET = withApiAuth("exports.create", async (req, { user }) => {
  const request = parseStrict(exportRequestSchema, req.nextUrl.searchParams);
  return jsonResponse(await estimateExport(await exportContext(user), request));
});
