/**
 * policy.codify: a policy created by hand in Vault (live only) becomes a `vault_policy` carrying its
 * live text unchanged, with an `import` block so applying adopts it instead of re-creating it.
 * The text is an indented heredoc only when heredoc.ts proves it cannot close, interpolate or be
 * re-indented; otherwise an escaped string. Access does not change (the delta says so).
 */
import { parsePolicy } from "@/lib/policy";
import { rejectField } from "../errors";
import { code } from "../markdown";
import type { PolicyCodifyInput } from "../schemas";
import { addPolicyResource } from "./add-resources";
import { isNfc } from "./hcl-string";
import type { ChangeBuilder } from "./builder";
import { assertTerraformCluster } from "./lookups";
import { changesFileFor, shortId } from "./names";
import { ruleMapOf } from "./policy-rules";
import type { RenderResult } from "./types";

type KindResult = Omit<RenderResult, "files" | "policyTexts" | "attachments" | "summary" | "notes">;

export async function renderPolicyCodify(b: ChangeBuilder, input: PolicyCodifyInput): Promise<KindResult> {
  const { facts } = b.ctx;
  assertTerraformCluster(facts, input.cluster, "cluster");
  if (input.policyName === "root") rejectField("policyName", "The root policy is built into Vault and cannot be managed");
  const live = facts.policies.find((p) => p.cluster === input.cluster && p.name === input.policyName && p.origin === "live");
  if (!live) rejectField("policyName", `No live policy ${input.policyName} in ${input.cluster}`);
  const declared = b.repo.parsed.vault.policies.find((p) => p.name === input.policyName);
  if (declared) rejectField("policyName", `Policy ${input.policyName} is already declared in Terraform (${declared.origin.file})`);
  if (!isNfc(live.rawHcl)) rejectField("policyName", `The live text of ${input.policyName} has Unicode that Terraform would normalise (not NFC); codify it by hand`);
  // Exactly the live text (a heredoc always ends in a newline, so a text without one is a string).
  const text = live.rawHcl;
  const parsed = await parsePolicy(input.policyName, text).catch(() => null);
  if (!parsed || parsed.errors.length > 0) rejectField("policyName", `The live text of ${input.policyName} does not parse cleanly; codify it by hand`);

  const rel = changesFileFor(b.ctx.changesFile, input.ownerTeam);
  const address = addPolicyResource(b, rel, {
    name: input.policyName,
    text,
    rules: ruleMapOf(parsed),
    importId: input.policyName,
    comment: `Radius change ${shortId(b.ctx.changeId)}: brought into Terraform from live Vault, text unchanged.`,
  });
  b.summary.push(`Declares ${code(address)} in ${code(rel)} with the live text of ${code(input.policyName)}, and an \`import\` block so applying adopts the existing policy.`);
  return { cluster: input.cluster, title: `Codify policy ${input.policyName} in Terraform`, newSecret: null, outcome: { kind: "none" } };
}
