import { withApiAuth } from "@/lib/auth/guard";
import { inventoryContext, listWorkloads, openWorkloadExport } from "@/lib/inventory";
import { csvResponse, csvStream } from "@/lib/inventory/csv";
import { WORKLOAD_CSV } from "@/lib/inventory/csv-columns";
import { jsonResponse } from "@/lib/inventory/responses";
import { workloadListSchema } from "@/lib/inventory/schemas";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/workloads?q&kind&namespace&team&sort&dir&page&pageSize[&format=csv] */
export const GET = withApiAuth("workloads.read", async (req, { user }) => {
  const params = parseStrict(workloadListSchema, req.nextUrl.searchParams);
  const ctx = inventoryContext(user);
  if (params.format === "csv") return csvResponse(csvStream(WORKLOAD_CSV, openWorkloadExport(ctx, params)), "workloads");
  return jsonResponse(await listWorkloads(ctx, params));
});
