import { withApiAuth } from "@/lib/auth/guard";
import { getPolicyBlastRadius, inventoryContext, openPolicyGrantExport } from "@/lib/inventory";
import { csvResponse, csvStream } from "@/lib/inventory/csv";
import { POLICY_GRANT_CSV } from "@/lib/inventory/csv-columns";
import { jsonResponse, keyParam, notFound } from "@/lib/inventory/responses";
import { policyDetailSchema } from "@/lib/inventory/schemas";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/policies/<cluster>/<name>?q&page&pageSize[&format=csv]: who carries it and which grants it decides. */
export const GET = withApiAuth<{ cluster: string; name: string }>("policies.read", async (req, { user, params }) => {
  const cluster = keyParam(params.cluster);
  const name = keyParam(params.name);
  const query = parseStrict(policyDetailSchema, req.nextUrl.searchParams);
  const ctx = inventoryContext(user);
  if (query.format === "csv") {
    const batches = await openPolicyGrantExport(ctx, cluster, name, query);
    return batches ? csvResponse(csvStream(POLICY_GRANT_CSV, batches), `policy-${cluster}-${name}`) : notFound("This policy");
  }
  const radius = await getPolicyBlastRadius(ctx, cluster, name, query);
  return radius ? jsonResponse(radius) : notFound("This policy");
});
