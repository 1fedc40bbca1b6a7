/**
 * secret.create: a `vault_kv_secret_v2` that never holds the value (disable_read, an empty
 * data_json whose later changes Terraform ignores: the owner writes the value out of band) with the
 * ownership metadata, plus, when readers are named, a policy reading exactly that path attached to
 * each reader's role or group.
 */
import { rejectField } from "../errors";
import { code } from "../markdown";
import type { SecretCreateInput } from "../schemas";
import { addPolicyResource, addResources } from "./add-resources";
import { attachPolicy } from "./attach-policy";
import type { ChangeBuilder } from "./builder";
import { attr, block, bool, JSONENCODE_EMPTY, list, obj, ref, str, type HclExpr, type HclItem } from "./hcl-model";
import { assertTerraformCluster, requireIdentity } from "./lookups";
import { changesFileFor, shortId, slugPart, uniquePolicyName } from "./names";
import { renderPolicyText, ruleMapFromSpecs, type PolicyRuleSpec } from "./policy-rules";
import { dirOf, findMountResource, kvSecretResources, type TerraformRepo } from "./terraform-repo";
import type { RenderResult } from "./types";

export async function renderSecretCreate(b: ChangeBuilder, input: SecretCreateInput): Promise<Omit<RenderResult, "files" | "policyTexts" | "attachments" | "summary" | "notes">> {
  const { facts, changeId } = b.ctx;
  const { cluster, mount, path } = input;
  assertTerraformCluster(facts, cluster, "cluster");
  const knownMount = facts.kvMounts.some((m) => m.cluster === cluster && m.mount === mount) || b.repo.parsed.vault.mounts.some((m) => m.kind === "secret" && m.path === mount && m.kvVersion === 2);
  if (!knownMount) rejectField("mount", `${mount} is not a KV v2 mount of ${cluster}`);
  const key = `${cluster}:${mount}/${path}`;
  if (await facts.secret(key)) rejectField("path", `${mount}/${path} already exists`);
  if (kvSecretResources(b.repo).some((s) => s.mount === mount && s.name === path)) rejectField("path", `${mount}/${path} is already declared in Terraform (waiting to be applied)`);
  const readers = [...new Set(input.readers)].map((k) => requireIdentity(facts, k, "readers"));
  for (const r of readers) if (r.cluster !== cluster) rejectField("readers", `${r.key} belongs to cluster ${r.cluster}, not ${cluster}`);

  const rel = changesFileFor(b.ctx.changesFile, input.ownerTeam);
  const metadata: [string, HclExpr][] = [
    ["owner", str(input.ownerTeam)],
    ["classification", str(input.classification)],
    ["rotation_period", str(`${input.rotationPeriodDays * 24}h`)],
    ["environment", str(input.environment)],
    ["description", str(input.description)],
  ];
  const [address] = addResources(b, rel, [{
    type: "vault_kv_secret_v2",
    name: `${mount}_${path}`,
    body: kvSecretBody(b.repo, rel, mount, path, metadata),
    comment: `Radius change ${shortId(changeId)}: the value is written by its owner out of band, never through Terraform.`,
  }]);
  b.summary.push(`Declares ${code(address ?? "")} in ${code(rel)} with owner, classification, rotation period, environment and description metadata; its value is never in Terraform (\`disable_read\`, \`data_json\` ignored after creation).`);

  if (readers.length > 0) {
    const rules: PolicyRuleSpec[] = [
      { pattern: `${mount}/data/${path}`, capabilities: ["read"] },
      { pattern: `${mount}/metadata/${path}`, capabilities: ["read", "list"] },
    ];
    const name = uniquePolicyName(`read-${slugPart(mount, 30)}-${slugPart(path, 80)}`, b.policyNames);
    const text = renderPolicyText(rules, `Readers of ${mount}/${path} (Radius change ${shortId(changeId)})`);
    addPolicyResource(b, rel, { name, text, rules: ruleMapFromSpecs(rules) });
    for (const reader of readers) attachPolicy(b, reader, name, "readers");
    b.summary.push(`Adds policy ${code(name)} (read on \`${mount}/data/${path}\`, read and list on its metadata) and attaches it to ${readers.length} identit${readers.length === 1 ? "y" : "ies"}.`);
  }
  return {
    cluster,
    title: `Create secret ${mount}/${path}`,
    newSecret: { key, dataPath: `${mount}/data/${path}`, metadataPath: `${mount}/metadata/${path}` },
    outcome: { kind: "new-readers", identityKeys: readers.map((r) => r.key) },
  };
}

/** The body shared by secret.create and the metadata-only adoption of rotation.update. */
export function kvSecretBody(repo: TerraformRepo, rel: string, mount: string, path: string, metadata: [string, HclExpr][]): HclItem[] {
  const mountResource = findMountResource(repo, mount, dirOf(rel));
  return [
    attr("mount", mountResource ? ref(mountResource.type, mountResource.name, "path") : str(mount)),
    attr("name", str(path)),
    attr("disable_read", bool(true)),
    attr("data_json", JSONENCODE_EMPTY),
    block("custom_metadata", [], [attr("data", obj(metadata))]),
    { kind: "blank" },
    block("lifecycle", [], [attr("ignore_changes", list([ref("data_json")]))]),
  ];
}
