import { withApiAuth } from "@/lib/auth/guard";
import { getWorkload, inventoryContext } from "@/lib/inventory";
import { jsonResponse, keyParam, notFound } from "@/lib/inventory/responses";

/** GET /api/workloads/<key>: what the workload consumes and how, and what depends on it. */
export const GET = withApiAuth<{ key: string[] }>("workloads.read", async (_req, { user, params }) => {
  const workload = await getWorkload(inventoryContext(user), keyParam(params.key));
  return workload ? jsonResponse(workload) : notFound("This workload");
});
