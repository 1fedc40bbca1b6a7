import { withApiAuth } from "@/lib/auth/guard";
import { getIdentityReverseBlastRadius, inventoryContext, openIdentityGrantExport } from "@/lib/inventory";
import { csvResponse, csvStream } from "@/lib/inventory/csv";
import { IDENTITY_GRANT_CSV } from "@/lib/inventory/csv-columns";
import { jsonResponse, keyParam, notFound } from "@/lib/inventory/responses";
import { identityDetailSchema } from "@/lib/inventory/schemas";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/identities/<cluster>:<authMount>/<role>?q&policy&sort&dir&page&pageSize[&format=csv]: reverse blast radius. */
export const GET = withApiAuth<{ key: string[] }>("identities.read", async (req, { user, params }) => {
  const key = keyParam(params.key);
  const query = parseStrict(identityDetailSchema, req.nextUrl.searchParams);
  const ctx = inventoryContext(user);
  if (query.format === "csv") {
    const batches = await openIdentityGrantExport(ctx, key, query);
    return batches ? csvResponse(csvStream(IDENTITY_GRANT_CSV, batches), `readable-by-${key}`) : notFound("This identity");
  }
  const radius = await getIdentityReverseBlastRadius(ctx, key, query);
  return radius ? jsonResponse(radius) : notFound("This identity");
});
