import { withApiAuth } from "@/lib/auth/guard";
import { inventoryContext, listPolicies, openPolicyExport } from "@/lib/inventory";
import { csvResponse, csvStream } from "@/lib/inventory/csv";
import { POLICY_CSV } from "@/lib/inventory/csv-columns";
import { jsonResponse } from "@/lib/inventory/responses";
import { policyListSchema } from "@/lib/inventory/schemas";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/policies?q&cluster&origin&sort&dir&page&pageSize[&format=csv] */
export const GET = withApiAuth("policies.read", async (req, { user }) => {
  const params = parseStrict(policyListSchema, req.nextUrl.searchParams);
  const ctx = inventoryContext(user);
  if (params.format === "csv") return csvResponse(csvStream(POLICY_CSV, openPolicyExport(ctx, params)), "policies");
  return jsonResponse(await listPolicies(ctx, params));
});
