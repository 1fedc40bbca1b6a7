import { compileAcl } from "./compile-acl";
import type { AclDecision, EvaluateOptions, ParsedPolicy } from "./types";

/**
 * What Vault allows on one path for a token carrying `policies`, with Vault's exact semantics:
 * merge identical patterns across policies, then use the exact rule if any, else the single
 * highest-priority wildcard rule. Pure and synchronous. For many paths, compile once with
 * `compileAcl` and call `evaluate` on the result.
 */
export function evaluateAcl(policies: readonly ParsedPolicy[], requestPath: string, options?: EvaluateOptions): AclDecision {
  return compileAcl(policies).evaluate(requestPath, options);
}

/** Where a KV v2 read goes: `vault kv get <mount>/<path>` is GET `<mount>/data/<path>`. */
export function kvDataPath(mount: string, path: string): string {
  return `${trimSlashes(mount)}/data/${trimSlashes(path)}`;
}

/**
 * Where KV v2 metadata lives. Listing a folder is LIST `<mount>/metadata/<folder>/`: append "/"
 * and evaluate with the LIST fallback (the default).
 */
export function kvMetadataPath(mount: string, path: string): string {
  return `${trimSlashes(mount)}/metadata/${trimSlashes(path)}`;
}

function trimSlashes(text: string): string {
  return text.replace(/^\/+|\/+$/g, "");
}
