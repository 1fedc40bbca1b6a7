/**
 * New top-level blocks: resources (and `import` blocks adopting what already exists in Vault),
 * appended to the change's file, each recorded with the attributes the file must parse to.
 */
import type { ChangeBuilder } from "./builder";
import { expectationFor } from "./builder";
import { appendBlocks } from "./file-set";
import { expectedBody } from "./hcl-expected";
import { attr, heredoc, ref, str, type HclItem } from "./hcl-model";
import { heredocMarkerFor } from "./heredoc";
import { resourceName, uniqueResourceName } from "./names";
import type { RuleMap } from "./policy-rules";
import { dirOf } from "./terraform-repo";

export interface NewResource {
  type: string;
  /** Preferred name; made unique in the file's folder. */
  name: string;
  body: HclItem[];
  comment?: string;
  /** Also adopt the existing Vault object with this import id. */
  importId?: string;
}

const HEADER = "Managed through Radius change requests: every block was requested, reviewed and merged as a pull request.";

/** Appends the resources to `rel`; returns their addresses ("type.name"), in order. */
export function addResources(b: ChangeBuilder, rel: string, resources: NewResource[]): string[] {
  const taken = b.taken(dirOf(rel));
  const expected = expectationFor(b, rel);
  const blocks: Parameters<typeof appendBlocks>[2] = [];
  const addresses: string[] = [];
  for (const r of resources) {
    const name = uniqueResourceName(r.type, resourceName(r.name), taken);
    const address = `${r.type}.${name}`;
    taken.add(address);
    addresses.push(address);
    if (r.importId !== undefined) {
      blocks.push({ type: "import", labels: [], body: [attr("to", ref(r.type, name)), attr("id", str(r.importId))], comment: r.comment });
      expected.imports.push({ to: address, id: r.importId });
    }
    blocks.push({ type: "resource", labels: [r.type, name], body: r.body, comment: r.importId === undefined ? r.comment : undefined });
    expected.added.set(address, expectedBody(r.body));
  }
  appendBlocks(b.files, rel, blocks, HEADER);
  return addresses;
}

/**
 * A `vault_policy` carrying `text`: an indented heredoc when the text provably cannot break one
 * (see heredoc.ts), otherwise an escaped string. Verified later to parse to `rules`.
 */
export function addPolicyResource(b: ChangeBuilder, rel: string, policy: { name: string; text: string; rules: RuleMap; comment?: string; importId?: string }): string {
  const value = heredocMarkerFor(policy.text) ? heredoc(policy.text) : str(policy.text);
  const [address] = addResources(b, rel, [{ type: "vault_policy", name: policy.name, body: [attr("name", str(policy.name)), attr("policy", value)], comment: policy.comment, importId: policy.importId }]);
  expectationFor(b, rel).policies.set(address as string, { name: policy.name, rules: policy.rules });
  b.policyAddresses.set(policy.name, address as string);
  b.policyNames.add(policy.name);
  return address as string;
}
