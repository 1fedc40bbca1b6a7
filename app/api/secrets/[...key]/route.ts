import { withApiAuth } from "@/lib/auth/guard";
import { getSecretBlastRadius, inventoryContext } from "@/lib/inventory";
import { jsonResponse, keyParam, notFound } from "@/lib/inventory/responses";

/** GET /api/secrets/<cluster>:<mount>/<path>: the secret's blast radius (readers, consumers, dependents, propagation). */
export const GET = withApiAuth<{ key: string[] }>("secrets.read", async (_req, { user, params }) => {
  const key = keyParam(params.key);
  const radius = await getSecretBlastRadius(inventoryContext(user), key);
  return radius ? jsonResponse(radius) : notFound("This secret");
});
