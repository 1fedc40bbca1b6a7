import { withApiAuth } from "@/lib/auth/guard";
import { inventoryContext, listSecrets, openSecretExport } from "@/lib/inventory";
import { csvResponse, csvStream } from "@/lib/inventory/csv";
import { SECRET_CSV } from "@/lib/inventory/csv-columns";
import { jsonResponse } from "@/lib/inventory/responses";
import { secretListSchema } from "@/lib/inventory/schemas";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/secrets?q&mount&environment&team&engine&classification&minScore&sort&dir&page&pageSize[&format=csv] */
export const GET = withApiAuth("secrets.read", async (req, { user }) => {
  const params = parseStrict(secretListSchema, req.nextUrl.searchParams);
  const ctx = inventoryContext(user);
  if (params.format === "csv") {
    return csvResponse(csvStream(SECRET_CSV, await openSecretExport(ctx, params)), `secrets-${params.mount ?? "all"}`);
  }
  return jsonResponse(await listSecrets(ctx, params));
});
