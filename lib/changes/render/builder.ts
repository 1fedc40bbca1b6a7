/**
 * Accumulates one change: file edits, what each edited file must contain afterwards, the policy
 * texts and attachments the delta evaluates. `finish` runs the verification of every file and
 * returns the rendered files with the policy texts read back from them.
 */
import type { ParsedJson } from "./hcl-expected";
import { createFileSet, type FileSet } from "./file-set";
import { addressesIn, dirOf, type TerraformRepo } from "./terraform-repo";
import type { RenderContext } from "./types";
import { emptyExpectation, RenderVerificationError, verifyPolicyText, verifyTerraformFile, type TerraformFileExpectation } from "./verify";
import type { RuleMap } from "./policy-rules";
import type { RenderedFile } from "../schemas";

export interface ChangeBuilder {
  ctx: RenderContext;
  repo: TerraformRepo;
  files: FileSet;
  expectations: Map<string, TerraformFileExpectation>;
  /** policies/*.hcl files the change rewrites: path -> policy name and intended rules. */
  policyFiles: Map<string, { name: string; rules: RuleMap }>;
  /** Vault policy name -> Terraform address of its vault_policy, for the ones this change writes. */
  policyAddresses: Map<string, string>;
  attachments: { identityKey: string; policy: string }[];
  summary: string[];
  notes: string[];
  /** Addresses already declared in a folder, including the ones this change adds. */
  taken(folder: string): Set<string>;
  /** Vault policy names in use (live, Terraform, and added by this change). */
  policyNames: Set<string>;
}

export function createBuilder(ctx: RenderContext): ChangeBuilder {
  const taken = new Map<string, Set<string>>();
  return {
    ctx,
    repo: ctx.repo,
    files: createFileSet(ctx.repo),
    expectations: new Map(),
    policyFiles: new Map(),
    policyAddresses: new Map(),
    attachments: [],
    summary: [],
    notes: [],
    taken(folder) {
      let set = taken.get(folder);
      if (!set) taken.set(folder, (set = addressesIn(ctx.repo, folder)));
      return set;
    },
    policyNames: new Set([...ctx.facts.policies.map((p) => p.name), ...ctx.repo.parsed.vault.policies.map((p) => p.name)]),
  };
}

export function expectationFor(b: ChangeBuilder, rel: string): TerraformFileExpectation {
  let e = b.expectations.get(rel);
  if (!e) b.expectations.set(rel, (e = emptyExpectation()));
  return e;
}

/** Attributes of an existing resource as hcl2json shows them now (including this change's earlier edits). */
export function currentAttributes(b: ChangeBuilder, rel: string, address: string): { [key: string]: ParsedJson } {
  const changed = b.expectations.get(rel)?.changed.get(address);
  if (changed) return structuredClone(changed);
  const resource = b.repo.parsed.resources.find((r) => r.file === rel && `${r.type}.${r.name}` === address);
  if (!resource) throw new Error(`${address} is not declared in ${rel}`);
  return structuredClone(resource.attributes) as { [key: string]: ParsedJson };
}

export interface FinishedChange {
  files: RenderedFile[];
  /** Vault policy name -> text as Terraform will read it from the rendered files. */
  policyTexts: Map<string, string>;
}

export async function finish(b: ChangeBuilder): Promise<FinishedChange> {
  const policyTexts = new Map<string, string>();
  const nameOfAddress = new Map([...b.policyAddresses].map(([name, address]) => [address, name]));
  for (const rel of b.files.changed()) {
    const after = b.files.read(rel) as string;
    const policyFile = b.policyFiles.get(rel);
    if (policyFile) {
      await verifyPolicyText(rel, policyFile.name, after, policyFile.rules);
      policyTexts.set(policyFile.name, after);
      continue;
    }
    const expected = b.expectations.get(rel);
    if (!expected || !rel.endsWith(".tf") || dirOf(rel).split("/").includes("..")) throw new RenderVerificationError(rel, "the change edits a file it did not plan to edit");
    const texts = await verifyTerraformFile(rel, b.files.original(rel), after, expected);
    for (const [address, text] of texts) policyTexts.set(nameOfAddress.get(address) ?? address, text);
  }
  for (const [rel, e] of b.expectations) {
    const planned = e.added.size + e.changed.size + e.imports.length;
    if (planned > 0 && !b.files.changed().includes(rel)) throw new RenderVerificationError(rel, "a planned edit produced no change");
  }
  return { files: b.files.toRenderedFiles(), policyTexts };
}
