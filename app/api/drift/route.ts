import { withApiAuth } from "@/lib/auth/guard";
import { driftContext, listDrift, openDriftExport } from "@/lib/drift";
import { DRIFT_CSV } from "@/lib/drift/csv-columns";
import { driftListSchema } from "@/lib/drift/schemas";
import { csvResponse, csvStream } from "@/lib/inventory/csv";
import { jsonResponse } from "@/lib/inventory/responses";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/drift?q&kind&status&sort&dir&page&pageSize[&format=csv] */
export const GET = withApiAuth("drift.read", async (req, { user }) => {
  const params = parseStrict(driftListSchema, req.nextUrl.searchParams);
  const ctx = driftContext(user);
  if (params.format === "csv") return csvResponse(csvStream(DRIFT_CSV, openDriftExport(ctx, params)), "drift");
  return jsonResponse(await listDrift(ctx, params));
});
