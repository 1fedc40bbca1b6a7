/**
 * One line of a Vault audit device (file or socket, `format = "json"`) to the fields Radius keeps.
 * reference/vault-api.md section 14: every field is optional and key order is not fixed; tokens,
 * accessors and request/response data are HMAC'd; display_name, policies, metadata, path,
 * remote_address and error are plain. A hand-written narrow check instead of zod: it runs per line
 * at tens of thousands of lines a second, and reads only the fields below (anything else is ignored).
 */

export interface AuditEntry {
  /** Vault's RFC3339Nano string, kept as written (Postgres rounds it to milliseconds). */
  time: string;
  timeMs: number;
  type: "request" | "response";
  operation: string | null;
  path: string | null;
  /** Mount point without the trailing slash ("kv-prod", "auth/kubernetes-prod"). */
  mount: string | null;
  remoteAddress: string | null;
  /** HMAC'd accessor of the token that made the request (or, for a login response, of the token issued). */
  tokenAccessor: string | null;
  entityId: string | null;
  displayName: string | null;
  policies: string[];
  identityPolicies: string[];
  metadata: Record<string, unknown> | null;
  tokenType: string | null;
  isRoot: boolean;
  error: string | null;
  requestId: string | null;
  /** A login that issued a token: its accessor and the auth mount it came from ("kubernetes-prod"). */
  login: { authMount: string } | null;
}

export type ParseResult = { ok: true; entry: AuditEntry } | { ok: false; message: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const NONE: string[] = [];
const strings = (v: unknown): string[] => {
  if (!Array.isArray(v)) return NONE;
  for (const x of v) if (typeof x !== "string") return v.filter((y): y is string => typeof y === "string");
  return v as string[];
};
const trimSlash = (m: string | null): string | null => (m && m.endsWith("/") ? m.slice(0, -1) : m);

export function parseAuditLine(line: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return { ok: false, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isObj(raw)) return { ok: false, message: "not a Vault audit entry: not a JSON object" };
  const time = raw.time;
  if (typeof time !== "string") return { ok: false, message: "not a Vault audit entry: no time" };
  const timeMs = Date.parse(time);
  if (Number.isNaN(timeMs)) return { ok: false, message: `not a Vault audit entry: time ${JSON.stringify(time.slice(0, 40))} is not RFC 3339` };
  const type = raw.type;
  if (type !== "request" && type !== "response") return { ok: false, message: "not a Vault audit entry: type is neither request nor response" };
  const request = raw.request;
  if (!isObj(request)) return { ok: false, message: "not a Vault audit entry: no request object" };
  const auth = isObj(raw.auth) ? raw.auth : {};
  const response = isObj(raw.response) ? raw.response : null;
  const policies = strings(auth.policies);
  const mount = trimSlash(str(request.mount_point));
  const issued = response && isObj(response.auth);
  return {
    ok: true,
    entry: {
      time, timeMs, type,
      operation: str(request.operation),
      path: str(request.path),
      mount,
      remoteAddress: str(request.remote_address),
      tokenAccessor: str(auth.accessor) ?? str(request.client_token_accessor),
      entityId: str(auth.entity_id),
      displayName: str(auth.display_name),
      policies,
      identityPolicies: strings(auth.identity_policies),
      metadata: isObj(auth.metadata) ? auth.metadata : null,
      tokenType: str(auth.token_type),
      isRoot: policies.includes("root"),
      error: str(raw.error),
      requestId: str(request.id),
      login: issued && mount?.startsWith("auth/") ? { authMount: mount.slice("auth/".length) } : null,
    },
  };
}

/** A successful read of a value: what access_stats count. */
export const isValueRead = (e: AuditEntry): boolean => e.type === "response" && e.error === null && e.operation === "read";
