/**
 * Adds a policy to an identity's policy list in the file that declares it (token_policies of an
 * auth role, policies of an identity group or of its vault_identity_group_policies), touching only
 * that list: the rest of the file stays byte-identical.
 */
import type { IdentityFact } from "../facts";
import { rejectField } from "../errors";
import { currentAttributes, expectationFor, type ChangeBuilder } from "./builder";
import { appendListItem, readListValue } from "./edit-list";
import type { ParsedJson } from "./hcl-expected";
import { hclString, toParsedLiteral } from "./hcl-string";
import { findResourceBlock } from "./hcl-structure";
import { dirOf, findIdentityResource } from "./terraform-repo";

export function attachPolicy(b: ChangeBuilder, identity: IdentityFact, policy: string, field: string): void {
  const found = findIdentityResource(b.repo, identity);
  if (!found) rejectField(field, `${identity.key} is not managed in the Terraform repository, so Radius cannot add a policy to it`);
  const { resource, attribute } = found;
  const rel = resource.file;
  if (!rel.endsWith(".tf")) rejectField(field, `${identity.key} is declared in ${rel}; only .tf files are edited`);
  const address = `${resource.type}.${resource.name}`;
  const policyAddress = b.policyAddresses.get(policy);
  // A reference orders creation in Terraform; only possible within the same module folder.
  const byReference = policyAddress !== undefined && dirOf(fileOf(b, policyAddress)) === dirOf(rel);
  const item = byReference ? `${policyAddress}.name` : hclString(policy);
  const shown: ParsedJson = byReference ? `\${${policyAddress}.name}` : toParsedLiteral(policy);

  const text = b.files.read(rel) as string;
  const block = findResourceBlock(text, resource.type, resource.name);
  if (!block) throw new Error(`${address} not found in ${rel}`);
  const span = block.attributes.find((a) => a.name === attribute);
  const attrs = currentAttributes(b, rel, address);
  if (span) {
    const list = readListValue(text, span);
    if (!list) rejectField(field, `${attribute} of ${address} (${rel}) is an expression, not a list; add the policy by hand`);
    const current = attrs[attribute];
    if (!Array.isArray(current)) rejectField(field, `${attribute} of ${address} is not a list`);
    b.files.write(rel, appendListItem(text, span, item));
    attrs[attribute] = [...current, shown];
  } else {
    // No list yet: a new line before the closing brace, after a blank line (its own fmt alignment group).
    const indent = /^[ \t]*/.exec(text.slice(block.lineStart))?.[0] ?? "";
    const insertAt = text.lastIndexOf("\n", block.close) + 1;
    if (insertAt <= block.open) rejectField(field, `${address} is written on one line; add the policy by hand`);
    b.files.write(rel, `${text.slice(0, insertAt)}\n${indent}  ${attribute} = [${item}]\n${text.slice(insertAt)}`);
    attrs[attribute] = [shown];
  }
  expectationFor(b, rel).changed.set(address, attrs);
  b.attachments.push({ identityKey: identity.key, policy });
}

function fileOf(b: ChangeBuilder, address: string): string {
  for (const [rel, e] of b.expectations) if (e.added.has(address)) return rel;
  return b.repo.parsed.resources.find((r) => `${r.type}.${r.name}` === address)?.file ?? "";
}
