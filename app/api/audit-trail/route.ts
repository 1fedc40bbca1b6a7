import { withApiAuth } from "@/lib/auth/guard";
import { auditTrailQuerySchema, exportContext, listAuditTrail } from "@/lib/exports";
import { jsonResponse } from "@/lib/inventory/responses";
import { parseStrict } from "@/lib/inventory/search-params";

/** GET /api/audit-trail?actor&action&target&from&to&before&pageSize: newest first, keyset paginated. */
export const GET = withApiAuth("audit-trail.read", async (req, { user }) => {
  const query = parseStrict(auditTrailQuerySchema, req.nextUrl.searchParams);
  return jsonResponse(await listAuditTrail(await exportContext(user), query));
});
