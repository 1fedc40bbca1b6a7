/** `vault_policy` resources: name + policy text (inline, heredoc, file(...), or a vault_policy_document). */
import type { SourceProblem } from "../types";
import { ResourceReader } from "./resource-reader";
import { fileReferenceOf, type ResolveContext } from "./resolve-expressions";
import type { VaultPolicyConfig } from "./vault-config-types";
import type { TerraformResource } from "../types";

export function readPolicy(resource: TerraformResource, ctx: ResolveContext, problems: SourceProblem[]): VaultPolicyConfig | null {
  const r = new ResourceReader(resource, ctx, problems);
  const name = r.string("name");
  if (!name) { r.warn("no name; skipped"); return null; }
  const text = r.string("policy");
  // A policy that is one unresolved expression is unknown, not a policy whose text is "${...}".
  const unknown = text === null || /^\$\{[\s\S]*\}$/.test(text.trim());
  const policyFile = fileReferenceOf(r.raw("policy"), ctx);
  if (policyFile && unknown) r.warn(`policy file ${policyFile} not found in the repository`);
  return { name, policy: unknown ? null : text, policyFile, origin: r.origin };
}
