/**
 * sys/audit lists audit devices but is root-protected (needs sudo). A token without it gets 403:
 * that is a configuration choice, not a failure, so the result is null plus a warning.
 */
import { VaultRequestError } from "@/lib/vault";
import { addProblem, request, type CollectContext } from "./collect-context";
import { auditDevicesSchema } from "./schemas";

export async function collectAuditDevices(ctx: CollectContext): Promise<{ path: string; type: string }[] | null> {
  let body: unknown;
  try {
    body = await request(ctx, () => ctx.reader.read("sys/audit"));
  } catch (error) {
    if (ctx.signal?.aborted) throw ctx.signal.reason ?? error;
    const denied = error instanceof VaultRequestError && error.status === 403;
    const message = denied ? "permission denied (sys/audit needs sudo): audit devices unknown" : (error as Error).message;
    addProblem(ctx, "GET", "sys/audit", message, denied ? "warning" : "error");
    return null;
  }
  // No devices is 200 with data {} in Vault; a 404 would be a proxy or a very old server.
  const parsed = auditDevicesSchema.safeParse(body ?? { data: {} });
  if (!parsed.success) {
    addProblem(ctx, "GET", "sys/audit", "unexpected response: audit devices unknown");
    return null;
  }
  return Object.entries(parsed.data.data).map(([path, d]) => ({ path: path.replace(/\/+$/, ""), type: d.type }));
}
