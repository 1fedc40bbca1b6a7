import { createHash } from "node:crypto";
import type { Rng } from "../prng";

/**
 * Vault file audit device entries (reference/vault-api.md section 14): one JSON object per line, a
 * request line then a response line sharing request.id. Tokens, accessors and every string inside
 * request/response data are HMAC'd with the device salt; paths, policies and metadata are plain.
 */
export type Hmac = (value: string) => string;
export function hmacWith(key: string): Hmac {
  // HMAC-SHA256 from precomputed inner/outer pad states (RFC 2104): createHmac per value re-imports the
  // key and was the largest cost of generation. Values also repeat (tokens, accessors): memoised.
  if (Buffer.byteLength(key) > 64) throw new Error("audit HMAC key longer than the SHA-256 block");
  const k = Buffer.alloc(64);
  Buffer.from(key).copy(k);
  const inner = createHash("sha256").update(k.map((b) => b ^ 0x36));
  const outer = createHash("sha256").update(k.map((b) => b ^ 0x5c));
  const memo = new Map<string, string>();
  return (value) => {
    let out = memo.get(value);
    if (out === undefined) {
      out = `hmac-sha256:${outer.copy().update(inner.copy().update(value).digest()).digest("hex")}`;
      if (memo.size < 200_000) memo.set(value, out);
    }
    return out;
  };
}

/** HMAC every string in a data tree; numbers, booleans and null pass through, keys stay plain. */
export function hmacData(h: Hmac, v: unknown): unknown {
  if (typeof v === "string") return h(v);
  if (Array.isArray(v)) return v.map((x) => hmacData(h, x));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, hmacData(h, x)]));
  return v;
}

export interface AuditAuth {
  token: string; // raw; written HMAC'd
  accessor: string; // raw; written HMAC'd
  displayName: string;
  policies: string[];
  tokenPolicies: string[];
  identityPolicies?: string[];
  metadata: Record<string, string> | null;
  entityId: string;
  tokenTtl: number;
  tokenIssueTime: string;
}

export interface MountInfo {
  point: string; // "kv-prod/"
  type: string;
  accessor: string;
  class: "secret" | "auth" | "";
}

export interface AuditEvent {
  time: Date;
  auth: AuditAuth | null; // null: unauthenticated (login)
  operation: "read" | "list" | "update" | "create" | "delete";
  path: string;
  mount: MountInfo;
  remoteAddress: string;
  requestData?: Record<string, unknown>;
  responseData?: Record<string, unknown>;
  responseAuth?: AuditAuth;
  leaseId?: string;
  error?: string;
  /** Policies that granted the request (policy_results), when allowed. */
  granting?: string[];
}

/** RFC3339Nano with nanoseconds, as Vault writes `time`. */
export const nanoTime = (d: Date, rng: Rng): string => d.toISOString().replace("Z", `${String(rng.int(0, 999_999)).padStart(6, "0")}Z`);

function authBlock(h: Hmac, a: AuditAuth, policyResults?: { allowed: boolean; granting?: string[] }): Record<string, unknown> {
  return {
    client_token: h(a.token), accessor: h(a.accessor), display_name: a.displayName, policies: a.policies, token_policies: a.tokenPolicies,
    ...(a.identityPolicies?.length ? { identity_policies: a.identityPolicies } : {}),
    ...(policyResults ? { policy_results: { allowed: policyResults.allowed, ...(policyResults.granting ? { granting_policies: policyResults.granting.map((name) => ({ name, namespace_id: "root", type: "acl" })) } : {}) } } : {}),
    ...(a.metadata ? { metadata: a.metadata } : {}),
    entity_id: a.entityId, token_type: "service", token_ttl: a.tokenTtl, token_issue_time: a.tokenIssueTime,
  };
}

/** The two lines of one request, in newer Vault's key order (time first). */
export function renderEvent(h: Hmac, rng: Rng, e: AuditEvent): [string, string] {
  const id = rng.uuid();
  const mountReq = e.mount.point ? { mount_point: e.mount.point, mount_type: e.mount.type, mount_accessor: e.mount.accessor, mount_running_version: `v1.18.3+builtin`, mount_class: e.mount.class } : {};
  const request = {
    id, ...(e.auth ? { client_id: e.auth.entityId } : {}), operation: e.operation, ...mountReq,
    ...(e.auth ? { client_token: h(e.auth.token), client_token_accessor: h(e.auth.accessor) } : {}),
    namespace: { id: "root" }, path: e.path,
    ...(e.requestData ? { data: hmacData(h, e.requestData) } : {}),
    remote_address: e.remoteAddress, remote_port: rng.int(32_768, 60_999),
  };
  const allowed = e.error === undefined;
  const reqAuth = e.auth ? authBlock(h, e.auth, { allowed: e.error?.includes("permission denied") ? false : true, granting: allowed ? e.granting : undefined }) : { token_type: "default" };
  const t1 = nanoTime(e.time, rng);
  const t2 = nanoTime(new Date(e.time.getTime() + rng.int(1, 40)), rng);
  const reqLine = { time: t1, auth: reqAuth, ...(e.error && e.error.includes("permission denied") && e.auth ? { error: e.error } : {}), request, type: "request" };
  const response = {
    ...(e.mount.point ? { mount_point: e.mount.point, mount_type: e.mount.type, mount_accessor: e.mount.accessor, mount_running_plugin_version: "v1.18.3+builtin", mount_class: e.mount.class } : {}),
    ...(e.responseAuth ? { auth: authBlock(h, e.responseAuth) } : {}),
    ...(e.leaseId ? { secret: { lease_id: e.leaseId } } : {}),
    ...(e.responseData ? { data: hmacData(h, e.responseData) } : {}),
  };
  const respAuth = e.auth ? authBlock(h, e.auth) : e.responseAuth ? authBlock(h, e.responseAuth) : { token_type: "default" };
  const respLine = { time: t2, auth: respAuth, ...(e.error ? { error: e.error } : {}), request, response, type: "response" };
  return [JSON.stringify(reqLine), JSON.stringify(respLine)];
}
