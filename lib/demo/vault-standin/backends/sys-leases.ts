/** sys/leases/lookup: LIST by prefix (root-protected) and PUT lookup by id (reference §8). */
import { badRequest } from "../errors";
import { listOf, ok, str, type Route } from "../backend";
import type { StandinState } from "../state";

export function leaseRoutes(state: StandinState): Route[] {
  const list = (prefix: string) => listOf(state.leases.tree.list(prefix));
  return [
    {
      pattern: /^leases\/lookup\/?$/,
      ops: {
        list: () => list(""),
        update: (req) => {
          const id = str(req.body, "lease_id") ?? "";
          if (!id) throw badRequest("lease_id must be specified");
          const lease = state.leases.byId.get(id);
          if (!lease) throw badRequest("invalid lease");
          const expires = Date.parse(lease.expireTime);
          return ok({
            expire_time: lease.expireTime || null,
            id: lease.id,
            issue_time: lease.issueTime,
            last_renewal: lease.lastRenewal,
            renewable: lease.renewable,
            ttl: Number.isFinite(expires) ? Math.max(0, Math.floor((expires - Date.now()) / 1000)) : 0,
          });
        },
      },
    },
    { pattern: /^leases\/lookup\/(?<prefix>.+)$/, ops: { list: (req) => list(req.params.prefix ?? "") } },
  ];
}
