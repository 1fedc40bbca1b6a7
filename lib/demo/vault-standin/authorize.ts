/**
 * Token check and ACL decision for one request, in Vault's order: unauthenticated paths skip
 * everything; a missing token is 400, an unknown one 403 (2 errors); then the ACL decides before
 * routing, so a forbidden request to an unmounted path is 403, not 404.
 */
import { findRoute } from "./backend";
import { invalidToken, missingToken, permissionDenied } from "./errors";
import type { MountRecord, StandinState } from "./state";
import type { TokenView } from "./tokens";
import type { Operation } from "./types";

export interface AuthorizeInput {
  state: StandinState;
  mount: MountRecord | undefined;
  path: string;
  relPath: string;
  op: Operation;
  rawToken: string | null;
}

export interface AuthorizeResult {
  token: TokenView | null;
  op: Operation;
}

export function authorize({ state, mount, path, relPath, op, rawToken }: AuthorizeInput): AuthorizeResult {
  const known = rawToken ? (state.tokens.get(rawToken) ?? null) : null;
  if (mount?.backend.unauthenticated?.(relPath, op)) return { token: known, op };
  if (!rawToken) throw missingToken();
  if (!known) throw invalidToken();

  const effective = effectiveOperation(mount, relPath, op);
  if (known.isRoot) return { token: known, op: effective };

  const caps = state.policies.aclFor(known.policies).lookup(path, op === "list");
  const needed = effective === "header" ? "read" : effective;
  if (!caps || caps.has("deny") || !caps.has(needed)) throw permissionDenied();
  if (mount?.backend.needsSudo?.(relPath, op) && !caps.has("sudo")) throw permissionDenied();
  return { token: known, op: effective };
}

/** Vault's existence check: a write to something that does not exist yet needs "create", not "update". */
export function effectiveOperation(mount: MountRecord | undefined, relPath: string, op: Operation): Operation {
  if (op !== "update" || !mount) return op;
  const route = findRoute(mount.backend, relPath)?.route;
  if (!route?.exists) return op;
  return route.exists({ path: relPath }) ? "update" : "create";
}
