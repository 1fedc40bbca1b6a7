import { withApiAuth } from "@/lib/auth/guard";
import { healthContext, listCertificates, openCertificateExport } from "@/lib/health";
import { CERTIFICATE_CSV } from "@/lib/health/csv-columns";
import { certificateListSchema } from "@/lib/health/schemas";
import { csvResponse, csvStream } from "@/lib/inventory/csv";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/health-data/certificates?q&mount&role&team&environment&status&days&sort&dir&page&pageSize[&format=csv] (streamed CSV) */
export const GET = withApiAuth("health.read", async (req, { user }) => {
  const params = parseStrict(certificateListSchema, req.nextUrl.searchParams);
  const ctx = healthContext(user);
  if (params.format === "csv") return csvResponse(csvStream(CERTIFICATE_CSV, await openCertificateExport(ctx, params)), `certificates-${params.status ?? "all"}`);
  return Response.json(await listCertificates(ctx, params), { headers: { "cache-control": "no-store" } });
});
