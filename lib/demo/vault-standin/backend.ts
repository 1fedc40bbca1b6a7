/**
 * The backend contract, modelled on Vault's `logical/framework`: a mount owns a table of path
 * patterns, each with handlers per operation. A path no pattern matches is "unsupported path" (404);
 * a matched pattern without a handler for the operation is "unsupported operation" (405).
 */
import { unsupportedOperation, unsupportedPath } from "./errors";
import type { Operation } from "./types";
import type { TokenView } from "./tokens";

export interface BackendRequest {
  op: Operation;
  /** Path relative to the mount ("metadata/app/"), LIST paths end in "/". */
  path: string;
  /** Full logical path ("kv/metadata/app/"). */
  fullPath: string;
  /** Mount path with trailing slash ("kv/", "auth/kubernetes/"). */
  mountPath: string;
  query: URLSearchParams;
  /** Parsed JSON body for writes, query values for reads (as Vault does). */
  body: Record<string, unknown>;
  token: TokenView | null;
  /** Named regex groups of the matched route. */
  params: Record<string, string>;
}

export type BackendResponse =
  /** A standard envelope; `status` lets a handler answer 404 with a full body (KV v2 deleted versions). */
  | { kind: "json"; data: Record<string, unknown> | null; warnings?: string[]; status?: number }
  /** Raw bytes (PKI DER/PEM endpoints). */
  | { kind: "raw"; status: number; contentType: string; body: Buffer | string }
  /** 204 No Content. */
  | { kind: "empty" };

export type Handler = (req: BackendRequest) => BackendResponse | Promise<BackendResponse>;

export interface Route {
  pattern: RegExp;
  ops: Partial<Record<Operation, Handler>>;
  /** Vault's existence check: decides whether a write is a "create" or an "update" for the ACL. */
  exists?: (req: { path: string }) => boolean;
}

export interface Backend {
  /** `mount_type` in the envelope ("kv", "system", "pki", ...). */
  type: string;
  routes: Route[];
  /** Paths served without a token (PathsSpecial.Unauthenticated), tested against the relative path. */
  unauthenticated?: (path: string, op: Operation) => boolean;
  /** Root-protected paths: need `sudo` in addition to the operation's capability. */
  needsSudo?: (path: string, op: Operation) => boolean;
}

export function findRoute(backend: Backend, path: string): { route: Route; params: Record<string, string> } | null {
  for (const route of backend.routes) {
    const m = route.pattern.exec(path);
    if (m) return { route, params: { ...(m.groups ?? {}) } };
  }
  return null;
}

/** Dispatch to the handler, mapping misses to Vault's own 404/405 answers. */
export async function dispatch(backend: Backend, req: Omit<BackendRequest, "params">): Promise<BackendResponse> {
  const found = findRoute(backend, req.path);
  if (!found) throw unsupportedPath();
  // Vault's framework maps a "create" with no create handler to the update handler.
  const handler = found.route.ops[req.op] ?? (req.op === "create" ? found.route.ops.update : undefined);
  if (!handler) throw unsupportedOperation();
  return handler({ ...req, params: found.params });
}

export const ok = (data: Record<string, unknown> | null, warnings?: string[]): BackendResponse => ({ kind: "json", data, warnings });
export const empty = (): BackendResponse => ({ kind: "empty" });
export const listOf = (keys: readonly string[] | undefined): BackendResponse => ok(keys ? { keys: [...keys] } : null);

/** Read a string field from a body, accepting what Vault's field parser would. */
export function str(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

/** Vault's TypeCommaStringSlice: a list, or a comma-separated string. */
export function strList(body: Record<string, unknown>, key: string): string[] {
  const v = body[key];
  if (Array.isArray(v)) return v.map(String).map((s) => s.trim()).filter(Boolean);
  if (typeof v === "string") return v.split(",").map((s) => s.trim()).filter(Boolean);
  return [];
}
