/**
 * Edits the rules of a policy Terraform already declares, where its text is written: an indented
 * heredoc (`policy = <<-EOT`), a quoted string, or a policies/*.hcl file read with file(...).
 * Returns the rule maps before and after (the verifier checks the written text against `after`).
 */
import { parsePolicy, type Capability } from "@/lib/policy";
import { rejectField } from "../errors";
import { currentAttributes, expectationFor, type ChangeBuilder } from "./builder";
import { fromParsedLiteral, hasTemplateExpression, hclString } from "./hcl-string";
import { tokenize } from "./hcl-scan";
import { findResourceBlock } from "./hcl-structure";
import { ruleMapOf, sortCaps, type PolicyRuleSpec, type RuleMap } from "./policy-rules";
import { appendRules, PolicyEditError, removeRule, setRuleCapabilities } from "./policy-text";
import { resourceAt } from "./terraform-repo";

export interface PolicyRuleEdit {
  /** New rules (a pattern the policy already has gets the union of both capability sets). */
  add?: PolicyRuleSpec[];
  /** Existing rules whose capabilities become exactly these. */
  set?: PolicyRuleSpec[];
  remove?: string[];
  /** One ASCII line written above the added rules. */
  comment?: string;
}

type Region = { text: string; indent: string; write: (region: string) => void };

export async function editTerraformPolicy(b: ChangeBuilder, name: string, edit: PolicyRuleEdit, field: string): Promise<{ before: RuleMap; after: RuleMap }> {
  const config = b.repo.parsed.vault.policies.find((p) => p.name === name);
  const resource = config && resourceAt(b.repo, config.origin.address);
  if (!config || !resource) rejectField(field, `policy ${name} is not declared in the Terraform repository`);
  if (config.policy === null) rejectField(field, `the text of policy ${name} is computed in Terraform (${config.origin.file}); edit it by hand`);
  const parsed = await parsePolicy(name, config.policy).catch(() => null);
  if (!parsed || parsed.errors.length > 0) rejectField(field, `policy ${name} in ${config.origin.file} has errors Vault would reject; fix it by hand first`);
  const before = ruleMapOf(parsed);

  const after = new Map(before);
  const sets = [...(edit.set ?? [])];
  const adds: PolicyRuleSpec[] = [];
  for (const rule of edit.add ?? []) {
    const existing = before.get(rule.pattern);
    if (existing) sets.push({ pattern: rule.pattern, capabilities: sortCaps([...existing, ...rule.capabilities]) as Capability[] });
    else adds.push(rule);
  }
  for (const s of sets) after.set(s.pattern, sortCaps(s.capabilities));
  for (const a of adds) after.set(a.pattern, sortCaps(a.capabilities));
  for (const pattern of edit.remove ?? []) after.delete(pattern);

  const address = `${resource.type}.${resource.name}`;
  const region = openRegion(b, name, config.policyFile, resource.file, resource.type, resource.name, field);
  try {
    let text = region.text;
    for (const s of sets) text = setRuleCapabilities(text, s.pattern, s.capabilities);
    for (const pattern of edit.remove ?? []) text = removeRule(text, pattern);
    if (adds.length > 0) text = appendRules(text, adds, region.indent, edit.comment);
    region.write(text);
  } catch (error) {
    if (error instanceof PolicyEditError) rejectField(field, `policy ${name}: ${error.message}`);
    throw error;
  }
  if (config.policyFile) {
    b.policyFiles.set(config.policyFile, { name, rules: after });
  } else {
    const e = expectationFor(b, resource.file);
    e.changed.set(address, currentAttributes(b, resource.file, address));
    e.policies.set(address, { name, rules: after });
  }
  b.policyAddresses.set(name, address);
  return { before, after };
}

function openRegion(b: ChangeBuilder, name: string, policyFile: string | null, rel: string, type: string, resourceName: string, field: string): Region {
  if (policyFile) {
    const text = b.files.read(policyFile);
    if (text === null) rejectField(field, `policy file ${policyFile} of ${name} is not in the repository`);
    return { text, indent: "", write: (t) => b.files.write(policyFile, t) };
  }
  const file = b.files.read(rel) as string;
  const block = findResourceBlock(file, type, resourceName);
  const span = block?.attributes.find((a) => a.name === "policy");
  if (!span) rejectField(field, `policy ${name}: no policy attribute found in ${rel}`);
  const value = file.slice(span.valueStart, span.valueEnd);
  const splice = (next: string) => b.files.write(rel, file.slice(0, span.valueStart) + next + file.slice(span.valueEnd));
  const opener = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(value);
  if (opener) {
    const marker = opener[2] as string;
    const lastNl = value.lastIndexOf("\n");
    const body = value.slice(opener[0].length, lastNl + 1);
    const lines = body.split("\n").filter((l) => l.trim() !== "");
    const indents = lines.map((l) => /^ */.exec(l)?.[0] ?? "");
    const indent = !opener[1] ? "" : indents.length === 0 ? "    " : indents.reduce((a, c) => (c.length < a.length ? c : a));
    return {
      text: body,
      indent,
      write: (next) => {
        if (next.split("\n").some((l) => l.trim() === marker) || /[$%]\{/.test(next.replace(/([$%])\1\{/g, ""))) throw new Error("edited heredoc would not be safe");
        splice(value.slice(0, opener[0].length) + next + value.slice(lastNl + 1));
      },
    };
  }
  const shown = currentAttributes(b, rel, `${type}.${resourceName}`).policy;
  const tokens = tokenize(value);
  if (tokens.length === 1 && tokens[0]?.kind === "string" && typeof shown === "string" && !hasTemplateExpression(shown)) {
    return { text: fromParsedLiteral(shown), indent: "", write: (next) => splice(hclString(next)) };
  }
  rejectField(field, `policy ${name} in ${rel} is written as an expression; edit it by hand`);
}
