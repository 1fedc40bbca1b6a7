/**
 * access.grant: exact-path rules for one secret, added to a policy the identity already carries
 * alone (its per-service policy) when there is one, else to a new per-request policy attached to
 * the identity's role or group. An exact rule wins over every glob, so its capabilities include
 * what the identity already had on that path (nothing is narrowed by accident).
 */
import type { AclDecision, Capability } from "@/lib/policy";
import { createAclWorld } from "../acl-world";
import { rejectField } from "../errors";
import { code, codes } from "../markdown";
import type { AccessGrantInput } from "../schemas";
import { addPolicyResource } from "./add-resources";
import { attachPolicy } from "./attach-policy";
import type { ChangeBuilder } from "./builder";
import { editTerraformPolicy } from "./edit-policy";
import { assertTerraformCluster, policiesCarriedAlone, requireIdentity, requireSecret } from "./lookups";
import { shortId, slugPart, uniquePolicyName } from "./names";
import { renderPolicyText, ruleMapFromSpecs, sortCaps, type PolicyRuleSpec } from "./policy-rules";
import { findIdentityResource } from "./terraform-repo";
import type { RenderResult } from "./types";

type KindResult = Omit<RenderResult, "files" | "policyTexts" | "attachments" | "summary" | "notes">;

export async function renderAccessGrant(b: ChangeBuilder, input: AccessGrantInput): Promise<KindResult> {
  const { facts, changeId } = b.ctx;
  const identity = requireIdentity(facts, input.identityKey, "identityKey");
  const secret = await requireSecret(facts, input.secretKey, "secretKey");
  if (identity.cluster !== secret.cluster) rejectField("identityKey", `${identity.key} belongs to cluster ${identity.cluster}; the secret is in ${secret.cluster}`);
  assertTerraformCluster(facts, secret.cluster, "secretKey");
  if (input.access === "list" && !secret.metadataPath) rejectField("access", "List access applies to KV v2 secrets only");

  const world = createAclWorld(facts, secret.cluster);
  const acl = world.aclFor(identity.key);
  const data = acl?.evaluate(secret.dataPath) ?? null;
  const meta = secret.metadataPath ? (acl?.evaluate(secret.metadataPath) ?? null) : null;
  const already = input.access === "read" ? data : meta;
  if (already?.capabilities.includes(input.access)) {
    rejectField("secretKey", `${identity.key} can already ${input.access} this secret (policy ${already.decidedBy?.policies.join(", ")}, rule ${already.decidedBy?.pattern})`);
  }

  const rules: PolicyRuleSpec[] = [];
  if (input.access === "read") {
    rules.push({ pattern: secret.dataPath, capabilities: keep(data, ["read"]) });
    if (secret.metadataPath && !(meta?.capabilities.includes("read") && meta.capabilities.includes("list"))) {
      rules.push({ pattern: secret.metadataPath, capabilities: keep(meta, ["read", "list"]) });
    }
  } else {
    rules.push({ pattern: secret.metadataPath as string, capabilities: keep(meta, ["list"]) });
  }
  for (const [decision, path] of [[data, secret.dataPath], [meta, secret.metadataPath]] as const) {
    if (decision?.decidedBy && decision.capabilities.includes("deny") && rules.some((r) => r.pattern === path)) {
      b.notes.push(`The exact rule for ${code(path ?? "")} takes precedence over the deny rule ${code(decision.decidedBy.pattern)} of ${codes(decision.decidedBy.policies)}: reviewers should confirm that this exception is intended.`);
    }
  }

  const comment = `Radius change ${shortId(changeId)}: ${input.access} for ${identity.key}`;
  const [alone] = policiesCarriedAlone(b, world, identity);
  if (alone) {
    await editTerraformPolicy(b, alone, { add: rules, comment }, "identityKey");
    b.summary.push(`Adds ${codes(rules.map((r) => r.pattern))} to policy ${code(alone)}, which only ${code(identity.key)} carries.`);
  } else {
    const found = findIdentityResource(b.repo, identity);
    if (!found) rejectField("identityKey", `${identity.key} is not managed in the Terraform repository, so Radius cannot add a policy to it`);
    const name = uniquePolicyName(`grant-${slugPart(identity.roleName, 40)}-${shortId(changeId)}`, b.policyNames);
    addPolicyResource(b, found.resource.file, { name, text: renderPolicyText(rules, comment), rules: ruleMapFromSpecs(rules) });
    attachPolicy(b, identity, name, "identityKey");
    b.summary.push(`Adds policy ${code(name)} (${codes(rules.map((r) => r.pattern))}) and attaches it to ${code(identity.key)}: none of its policies is its own alone, so no shared policy is widened.`);
  }
  return {
    cluster: secret.cluster,
    title: `Grant ${input.access} on ${secret.mount}/${secret.path} to ${identity.key}`,
    newSecret: null,
    outcome: { kind: "gain", identityKey: identity.key, secretKey: secret.key, capability: input.access },
  };
}

/** The requested capabilities plus whatever the path already allowed (minus deny). */
function keep(decision: AclDecision | null, requested: Capability[]): Capability[] {
  const had = decision?.capabilities.filter((c) => c !== "deny") ?? [];
  return sortCaps([...had, ...requested]);
}
