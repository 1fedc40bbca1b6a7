/** The token auth method (auth/token/): lookup-self only (reference/vault-api.md §13). */
import { missingToken } from "../errors";
import { ok, type Backend, type BackendRequest, type BackendResponse } from "../backend";
import { stableUuid } from "../mount-entries";

export function createTokenBackend(startedAt: Date): Backend {
  const lookupSelf = (req: BackendRequest): BackendResponse => {
    if (!req.token) throw missingToken();
    const { token, isRoot, policies } = req.token;
    const created = Math.floor(startedAt.getTime() / 1000);
    const base = {
      accessor: token.accessor,
      creation_time: created,
      creation_ttl: token.ttlSeconds,
      display_name: token.displayName,
      entity_id: "",
      explicit_max_ttl: 0,
      id: token.id,
      meta: token.meta ?? null,
      num_uses: 0,
      orphan: true,
      path: isRoot ? "auth/token/root" : "auth/token/create",
      policies,
      type: "service",
    };
    if (isRoot || token.ttlSeconds === 0) {
      // A token without a lease (root) has no issue_time/renewable; no TTL means no expiry.
      const extra = isRoot ? {} : { issue_time: startedAt.toISOString(), renewable: false };
      return ok({ ...base, ...extra, expire_time: null, ttl: 0 });
    }
    const expires = startedAt.getTime() + token.ttlSeconds * 1000;
    return ok({
      ...base,
      expire_time: new Date(expires).toISOString(),
      issue_time: startedAt.toISOString(),
      renewable: true,
      ttl: Math.max(0, Math.floor((expires - Date.now()) / 1000)),
    });
  };
  return {
    type: "token",
    routes: [{ pattern: /^lookup-self$/, ops: { read: lookupSelf, update: lookupSelf } }],
  };
}

/** The token mount's accessor, stable per cluster. */
export const tokenMountAccessor = (clusterId: string) => `auth_token_${stableUuid(`token:${clusterId}`).slice(0, 8)}`;
