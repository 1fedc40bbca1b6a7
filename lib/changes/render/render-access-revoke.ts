/**
 * access.revoke: takes away the identity's read on the secret's value (or, for a list-only holder,
 * its list on the metadata). lib/policy names the one rule that decides it. When that rule is the
 * identity's own (a policy nobody else carries) and matches nothing but this secret, the
 * capability is removed from it; otherwise an explicit exact-path deny is added for this identity
 * only, so nobody else loses anything, and the PR body says why.
 */
import { compileAcl, parsePolicy, type Capability } from "@/lib/policy";
import { createAclWorld } from "../acl-world";
import { rejectField } from "../errors";
import { code, codes } from "../markdown";
import type { SecretFact } from "../facts";
import type { AccessRevokeInput } from "../schemas";
import { addPolicyResource } from "./add-resources";
import { attachPolicy } from "./attach-policy";
import type { ChangeBuilder } from "./builder";
import { editTerraformPolicy } from "./edit-policy";
import { assertTerraformCluster, policiesCarriedAlone, requireIdentity, requireSecret, terraformCarriers } from "./lookups";
import { shortId, slugPart, uniquePolicyName } from "./names";
import { renderPolicyText, ruleMapFromSpecs, ruleMapOf, sortCaps, type PolicyRuleSpec } from "./policy-rules";
import { findIdentityResource } from "./terraform-repo";
import type { RenderResult } from "./types";

type KindResult = Omit<RenderResult, "files" | "policyTexts" | "attachments" | "summary" | "notes">;

export async function renderAccessRevoke(b: ChangeBuilder, input: AccessRevokeInput): Promise<KindResult> {
  const { facts, changeId } = b.ctx;
  const identity = requireIdentity(facts, input.identityKey, "identityKey");
  const secret = await requireSecret(facts, input.secretKey, "secretKey");
  if (identity.cluster !== secret.cluster) rejectField("identityKey", `${identity.key} belongs to cluster ${identity.cluster}; the secret is in ${secret.cluster}`);
  assertTerraformCluster(facts, secret.cluster, "secretKey");

  const world = createAclWorld(facts, secret.cluster);
  const acl = world.aclFor(identity.key);
  const read = acl?.evaluate(secret.dataPath);
  const list = secret.metadataPath ? acl?.evaluate(secret.metadataPath) : undefined;
  const target = read?.capabilities.includes("read") ? { capability: "read" as const, path: secret.dataPath, decision: read }
    : list?.capabilities.includes("list") && secret.metadataPath ? { capability: "list" as const, path: secret.metadataPath, decision: list } : null;
  if (!target) rejectField("secretKey", `${identity.key} can neither read nor list this secret: there is nothing to revoke`);
  const by = target.decision.decidedBy;
  if (!by || target.decision.isRoot) rejectField("identityKey", `${identity.key} holds the root policy; revoke that by hand`);
  const granting = by.grants[target.capability] ?? [];
  const rule = `${code(by.pattern)} of ${codes(granting)}`;

  const removal = await planRemoval(b, world, identity.key, granting, by.pattern, target, secret);
  const comment = `Radius change ${shortId(changeId)}: revoke ${target.capability} of ${identity.key}`;
  if (removal.ok) {
    const { policy, remaining } = removal;
    await editTerraformPolicy(b, policy, remaining.length > 0 ? { set: [{ pattern: by.pattern, capabilities: remaining }] } : { remove: [by.pattern] }, "identityKey");
    b.summary.push(remaining.length > 0
      ? `Narrows rule ${code(by.pattern)} of policy ${code(policy)} to ${codes(remaining)} (it matches this secret only, and only ${code(identity.key)} carries the policy).`
      : `Removes rule ${code(by.pattern)} from policy ${code(policy)} (it matches this secret only, and only ${code(identity.key)} carries the policy).`);
  } else {
    const deny: PolicyRuleSpec = { pattern: target.path, capabilities: ["deny"] };
    const [alone] = policiesCarriedAlone(b, world, identity);
    if (alone) {
      await editTerraformPolicy(b, alone, { add: [deny], comment }, "identityKey");
      b.summary.push(`Adds an explicit deny on ${code(target.path)} to policy ${code(alone)}, which only ${code(identity.key)} carries.`);
    } else {
      const found = findIdentityResource(b.repo, identity);
      if (!found) rejectField("identityKey", `${identity.key} is not managed in the Terraform repository, so Radius cannot change its policies`);
      const name = uniquePolicyName(`revoke-${slugPart(identity.roleName, 40)}-${shortId(changeId)}`, b.policyNames);
      addPolicyResource(b, found.resource.file, { name, text: renderPolicyText([deny], comment), rules: ruleMapFromSpecs([deny]) });
      attachPolicy(b, identity, name, "identityKey");
      b.summary.push(`Adds policy ${code(name)} with an explicit deny on ${code(target.path)} and attaches it to ${code(identity.key)}.`);
    }
    b.notes.push(`${code(identity.key)} can ${target.capability} this secret through rule ${rule}. ${removal.why} Radius adds an explicit \`deny\` for ${code(target.path)} instead of removing the rule: an exact-path deny wins over the rule for this identity only, and also denies every other capability on that exact path.`);
  }
  if (input.origin === "review") b.notes.push(`Requested from an access review${input.reviewId ? ` (review ${code(input.reviewId)})` : ""}.`);
  return {
    cluster: secret.cluster,
    title: `Revoke ${target.capability} on ${secret.mount}/${secret.path} from ${identity.key}`,
    newSecret: null,
    outcome: { kind: "lose", identityKey: identity.key, secretKey: secret.key, capability: target.capability },
  };
}

type Removal = { ok: true; policy: string; remaining: Capability[] } | { ok: false; why: string };

/**
 * Removing (or narrowing) the deciding rule is only right when one policy grants it, only this
 * identity carries that policy (live or in Terraform), the rule matches no other secret, and the
 * identity is left without the capability afterwards (no other rule takes over).
 */
async function planRemoval(b: ChangeBuilder, world: ReturnType<typeof createAclWorld>, identityKey: string, granting: string[], pattern: string, target: { capability: "read" | "list"; path: string }, secret: SecretFact): Promise<Removal> {
  if (granting.length !== 1) return { ok: false, why: `${granting.length} policies grant it through the same rule.` };
  const policy = granting[0] as string;
  const carriers = new Set([...world.carriersOf(policy), ...terraformCarriers(b, world.cluster, policy)]);
  if (carriers.size !== 1 || !carriers.has(identityKey)) return { ok: false, why: `Policy ${code(policy)} is carried by ${carriers.size} identities.` };
  const config = b.repo.parsed.vault.policies.find((p) => p.name === policy);
  const current = config?.policy ? await parsePolicy(policy, config.policy).catch(() => null) : null;
  const caps = current && current.errors.length === 0 ? ruleMapOf(current).get(pattern) : undefined;
  if (!current || !caps) return { ok: false, why: `Terraform does not declare rule ${code(pattern)} in policy ${code(policy)}.` };

  const others = await otherSecretsMatched(b, world.cluster, pattern, target.capability === "read" ? "data" : "metadata", secret.key);
  if (others > 0) return { ok: false, why: `The rule also matches ${others} other secret${others === 1 ? "" : "s"}.` };

  const remaining = sortCaps(caps.filter((c) => c !== target.capability));
  const rules = current.rules.filter((r) => r.path !== pattern);
  const edited = current.rules.find((r) => r.path === pattern);
  if (edited && remaining.length > 0) rules.push({ ...edited, capabilities: remaining });
  const after = { ...current, rules };
  const still = createAclWorld(b.ctx.facts, world.cluster, { policies: new Map([[policy, after]]), attachments: [] }).aclFor(identityKey)?.evaluate(target.path);
  if (still?.capabilities.includes(target.capability)) return { ok: false, why: "Another rule would still grant it after removing this one." };
  return { ok: true, policy, remaining };
}

/** How many secrets other than `exceptKey` the pattern matches (on their data or metadata path). */
async function otherSecretsMatched(b: ChangeBuilder, cluster: string, pattern: string, side: "data" | "metadata", exceptKey: string): Promise<number> {
  const acl = compileAcl([{ name: "probe", rules: [{ path: pattern, kind: pattern.includes("+") ? "segment" : pattern.endsWith("*") ? "prefix" : "exact", capabilities: ["read"], templated: false, line: null, constraints: [] }], templated: false, errors: [] }]);
  const prefix = pattern.split(/[*+]/)[0] as string;
  const candidates = await b.ctx.facts.secretsUnder(cluster, [prefix]);
  return candidates.filter((s) => s.key !== exceptKey && (side === "data" ? s.dataPath : s.metadataPath) && acl.evaluate((side === "data" ? s.dataPath : s.metadataPath) as string).decidedBy !== null).length;
}
