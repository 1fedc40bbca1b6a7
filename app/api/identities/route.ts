import { withApiAuth } from "@/lib/auth/guard";
import { inventoryContext, listIdentities, openIdentityExport } from "@/lib/inventory";
import { csvResponse, csvStream } from "@/lib/inventory/csv";
import { IDENTITY_CSV } from "@/lib/inventory/csv-columns";
import { jsonResponse } from "@/lib/inventory/responses";
import { identityListSchema } from "@/lib/inventory/schemas";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/identities?q&kind&mount&sort&dir&page&pageSize[&format=csv] */
export const GET = withApiAuth("identities.read", async (req, { user }) => {
  const params = parseStrict(identityListSchema, req.nextUrl.searchParams);
  const ctx = inventoryContext(user);
  if (params.format === "csv") return csvResponse(csvStream(IDENTITY_CSV, openIdentityExport(ctx, params)), "identities");
  return jsonResponse(await listIdentities(ctx, params));
});
