/**
 * rotation.update: sets custom_metadata.rotation_period ("<days*24>h", the duration format the
 * sync reads back). A secret Terraform declares is edited in place; one it does not is adopted:
 * an `import` block plus a metadata-only `vault_kv_secret_v2` like secret.create's, carrying all
 * of its current custom metadata (Vault replaces the whole map, so nothing may be left out).
 */
import { rejectField } from "../errors";
import { code } from "../markdown";
import type { SecretFact } from "../facts";
import type { RotationUpdateInput } from "../schemas";
import { addResources } from "./add-resources";
import { currentAttributes, expectationFor, type ChangeBuilder } from "./builder";
import { formatExpr, objectKey } from "./hcl-format";
import { str, obj, type HclExpr } from "./hcl-model";
import { hclString, isNfc, toParsedLiteral } from "./hcl-string";
import { findResourceBlock, parseHclStructure } from "./hcl-structure";
import { assertTerraformCluster, requireSecret } from "./lookups";
import { changesFileFor, shortId } from "./names";
import { kvSecretBody } from "./render-secret-create";
import { kvSecretResources } from "./terraform-repo";
import type { RenderResult } from "./types";

type KindResult = Omit<RenderResult, "files" | "policyTexts" | "attachments" | "summary" | "notes">;
type Obj = { [key: string]: unknown };

/** Metadata keys carried into Terraform as they are; anything stranger is left to a human. */
const METADATA_KEY = /^[A-Za-z0-9_.\/-]{1,128}$/;

export async function renderRotationUpdate(b: ChangeBuilder, input: RotationUpdateInput): Promise<KindResult> {
  const secret = await requireSecret(b.ctx.facts, input.secretKey, "secretKey");
  if (secret.engineKind !== "kv-v2") rejectField("secretKey", "The rotation period is KV v2 metadata; this secret is a dynamic or non-KV secret");
  assertTerraformCluster(b.ctx.facts, secret.cluster, "secretKey");
  const period = `${input.rotationPeriodDays * 24}h`;
  const declared = kvSecretResources(b.repo).filter((s) => s.mount === secret.mount && s.name === secret.path);
  if (declared.length > 1) rejectField("secretKey", `${secret.mount}/${secret.path} is declared ${declared.length} times in Terraform; fix that first`);
  const found = declared[0];
  if (found) editInPlace(b, found.resource.file, found.resource.type, found.resource.name, secret, period);
  else adopt(b, secret, period);
  return {
    cluster: secret.cluster,
    title: `Set the rotation period of ${secret.mount}/${secret.path} to ${input.rotationPeriodDays} days`,
    newSecret: null,
    outcome: { kind: "none" },
  };
}

function metadataWith(secret: SecretFact, period: string): [string, HclExpr][] {
  const merged: Record<string, string> = { ...secret.customMetadata, rotation_period: period };
  const bad = Object.keys(merged).find((k) => !METADATA_KEY.test(k) || !isNfc(String(merged[k])));
  if (bad !== undefined) rejectField("secretKey", `Its custom metadata has an entry Radius will not write (${JSON.stringify(bad.slice(0, 40))}); change it by hand`);
  return Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, str(String(v))]);
}

function adopt(b: ChangeBuilder, secret: SecretFact, period: string): void {
  const rel = changesFileFor(b.ctx.changesFile, secret.ownerTeam);
  const [address] = addResources(b, rel, [{
    type: "vault_kv_secret_v2",
    name: `${secret.mount}_${secret.path}`,
    body: kvSecretBody(b.repo, rel, secret.mount, secret.path, metadataWith(secret, period)),
    comment: `Radius change ${shortId(b.ctx.changeId)}: metadata only; the value stays out of Terraform.`,
    importId: `${secret.mount}/data/${secret.path}`,
  }]);
  b.summary.push(`Adopts the secret into Terraform: an \`import\` block and ${code(address ?? "")} in ${code(rel)}, with its current custom metadata and \`rotation_period = "${period}"\`.`);
  b.notes.push("The secret was not in Terraform yet. The `import` block adopts the existing secret instead of creating it; `data_json` is ignored, so applying never writes a new version of the value. Check the carried-over metadata: Vault replaces the whole custom metadata map on apply.");
}

function editInPlace(b: ChangeBuilder, rel: string, type: string, name: string, secret: SecretFact, period: string): void {
  const text = b.files.read(rel) as string;
  const block = findResourceBlock(text, type, name);
  if (!block) throw new Error(`${type}.${name} not found in ${rel}`);
  const address = `${type}.${name}`;
  const attrs = currentAttributes(b, rel, address) as Obj;
  const meta = block.blocks.filter((x) => x.type === "custom_metadata");
  if (meta.length > 1) rejectField("secretKey", `${address} has ${meta.length} custom_metadata blocks; edit it by hand`);
  const metaBlock = meta[0];
  const dataSpan = metaBlock?.attributes.find((a) => a.name === "data");
  let next: string;
  if (metaBlock && dataSpan) {
    const value = text.slice(dataSpan.valueStart, dataSpan.valueEnd);
    const parsedData = ((attrs.custom_metadata as Obj[])[0] as Obj).data;
    if (!value.startsWith("{") || !parsedData || typeof parsedData !== "object") rejectField("secretKey", `custom_metadata.data of ${address} is an expression; edit it by hand`);
    const entries = parseHclStructure(value).attributes;
    const existing = entries.find((e) => e.name === "rotation_period");
    if (existing) {
      next = text.slice(0, dataSpan.valueStart + existing.valueStart) + hclString(period) + text.slice(dataSpan.valueStart + existing.valueEnd);
    } else {
      const close = value.lastIndexOf("}");
      const lineStart = value.lastIndexOf("\n", close) + 1;
      const indent = /^[ \t]*/.exec(value.slice(lineStart))?.[0] ?? "";
      const width = Math.max(0, ...entries.map((e) => value.slice(e.lineStart, e.valueStart).split("=")[0]?.trimEnd().trimStart().length ?? 0));
      const line = `${indent}  ${objectKey("rotation_period").padEnd(width)} = ${hclString(period)}\n`;
      if (lineStart === 0) rejectField("secretKey", `custom_metadata.data of ${address} is written on one line; edit it by hand`);
      next = text.slice(0, dataSpan.valueStart + lineStart) + line + text.slice(dataSpan.valueStart + lineStart);
    }
    (parsedData as Obj).rotation_period = toParsedLiteral(period);
  } else if (!metaBlock) {
    const indent = /^[ \t]*/.exec(text.slice(block.lineStart))?.[0] ?? "";
    const insertAt = text.lastIndexOf("\n", block.close) + 1;
    if (insertAt <= block.open) rejectField("secretKey", `${address} is written on one line; edit it by hand`);
    const data = obj(metadataWith(secret, period));
    next = `${text.slice(0, insertAt)}\n${indent}  custom_metadata {\n${indent}    data = ${formatExpr(data, indent.length + 4)}\n${indent}  }\n${text.slice(insertAt)}`;
    attrs.custom_metadata = [{ data: Object.fromEntries(metadataWith(secret, period).map(([k, v]) => [k, toParsedLiteral((v as { value: string }).value)])) }];
  } else {
    rejectField("secretKey", `custom_metadata of ${address} has no data map; edit it by hand`);
  }
  b.files.write(rel, next);
  expectationFor(b, rel).changed.set(address, attrs as never);
  b.summary.push(`Sets \`rotation_period = "${period}"\` in the custom metadata of ${code(address ?? "")} (${code(rel)}).`);
}
