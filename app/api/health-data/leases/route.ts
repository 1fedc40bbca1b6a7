import { withApiAuth } from "@/lib/auth/guard";
import { healthContext, listLeases, openLeaseExport } from "@/lib/health";
import { LEASE_CSV } from "@/lib/health/csv-columns";
import { leaseListSchema } from "@/lib/health/schemas";
import { csvResponse, csvStream } from "@/lib/inventory/csv";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/health-data/leases?q&mount&role&team&environment&status&days&sort&dir&page&pageSize[&format=csv] (streamed CSV) */
export const GET = withApiAuth("health.read", async (req, { user }) => {
  const params = parseStrict(leaseListSchema, req.nextUrl.searchParams);
  const ctx = healthContext(user);
  if (params.format === "csv") return csvResponse(csvStream(LEASE_CSV, await openLeaseExport(ctx, params)), `leases-${params.status ?? "all"}`);
  return Response.json(await listLeases(ctx, params), { headers: { "cache-control": "no-store" } });
});
