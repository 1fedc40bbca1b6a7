import { describe, expect, it } from "vitest";
import { appendListItem, readListValue } from "./edit-list";
import { findResourceBlock, parseHclStructure } from "./hcl-structure";
import { ruleMapFromSpecs } from "./policy-rules";
import { appendRules, removeRule, setRuleCapabilities } from "./policy-text";
import { emptyExpectation, verifyPolicyText, verifyTerraformFile } from "./verify";

const ROLE = `# a comment with { braces and "quotes"
resource "vault_kubernetes_auth_backend_role" "app" {
  role_name      = "app" # trailing } comment
  description    = "a } brace and \${upper("x}")} in a string"
  policy_text    = <<-EOT
    path "x" {
    }
  EOT
  token_policies = [vault_policy.a.name, "b"]
}

resource "vault_jwt_auth_backend_role" "ci" {
  token_policies = [
    vault_policy.a.name, # first
    "b"
  ]
}
`;

describe("editing existing Terraform in place", () => {
  it("finds blocks and attribute values past comments, strings, interpolations and heredocs", () => {
    const block = findResourceBlock(ROLE, "vault_kubernetes_auth_backend_role", "app");
    expect(block?.attributes.map((a) => a.name)).toEqual(["role_name", "description", "policy_text", "token_policies"]);
    const tp = block?.attributes.find((a) => a.name === "token_policies");
    expect(ROLE.slice(tp?.valueStart, tp?.valueEnd)).toBe('[vault_policy.a.name, "b"]');
    expect(parseHclStructure(ROLE).blocks.map((b) => b.labels.join("."))).toEqual(["vault_kubernetes_auth_backend_role.app", "vault_jwt_auth_backend_role.ci"]);
  });

  it("appends to one-line and one-per-line lists, keeping comments and every other byte", () => {
    const app = findResourceBlock(ROLE, "vault_kubernetes_auth_backend_role", "app")?.attributes.find((a) => a.name === "token_policies");
    const once = appendListItem(ROLE, app!, "vault_policy.new.name");
    expect(once).toBe(ROLE.replace('[vault_policy.a.name, "b"]', '[vault_policy.a.name, "b", vault_policy.new.name]'));
    const ci = findResourceBlock(once, "vault_jwt_auth_backend_role", "ci")?.attributes.find((a) => a.name === "token_policies");
    expect(readListValue(once, ci!)).toEqual({ items: ["vault_policy.a.name", '"b"'], multiline: true });
    const twice = appendListItem(once, ci!, "vault_policy.new.name");
    expect(twice).toBe(once.replace('    "b"\n  ]', '    "b",\n    vault_policy.new.name\n  ]'));
  });

  it("edits policy rule blocks by line, leaving the others untouched", () => {
    const text = `# header\npath "a/*" {\n  capabilities = ["read"]\n}\n\npath "b" {\n  capabilities = ["read", "list"]\n}\n`;
    expect(setRuleCapabilities(text, "b", ["list"])).toBe(text.replace('["read", "list"]', '["list"]'));
    expect(removeRule(text, "b")).toBe(`# header\npath "a/*" {\n  capabilities = ["read"]\n}\n`);
    expect(appendRules(text, [{ pattern: "c/d", capabilities: ["read"] }], "    ", "why")).toBe(`${text}\n    # why\n    path "c/d" {\n      capabilities = ["read"]\n    }\n`);
    expect(() => removeRule(text, "zzz")).toThrow(/no rule block/);
  });
});

describe("verification", () => {
  const before = `resource "vault_policy" "a" {\n  name   = "a"\n  policy = "path \\"x\\" {\\n  capabilities = [\\"read\\"]\\n}\\n"\n}\n`;

  it("refuses anything but the intended resources and values", async () => {
    const added = `${before}\nresource "vault_policy" "b" {\n  name = "b"\n}\n`;
    const want = emptyExpectation();
    want.added.set("vault_policy.b", { name: "b" });
    await expect(verifyTerraformFile("f.tf", before, added, want)).resolves.toBeDefined();
    await expect(verifyTerraformFile("f.tf", before, added, emptyExpectation())).rejects.toThrow(/resources are/);
    const smuggled = `${added}\nresource "vault_policy" "c" {\n  name = "c"\n}\n`;
    await expect(verifyTerraformFile("f.tf", before, smuggled, want)).rejects.toThrow(/resources are/);
    const interpolated = added.replace('name = "b"', 'name = "${var.x}"');
    await expect(verifyTerraformFile("f.tf", before, interpolated, want)).rejects.toThrow(/attributes/);
    const tampered = added.replace('name   = "a"', 'name   = "z"');
    await expect(verifyTerraformFile("f.tf", before, tampered, want)).rejects.toThrow(/vault_policy.a has attributes/);
    await expect(verifyTerraformFile("f.tf", before, `${added}\nvariable "v" {}\n`, want)).rejects.toThrow(/top-level "variable"/);
    await expect(verifyTerraformFile("f.tf", before, `${added}\nresource "x" "y" {`, want)).rejects.toThrow(/does not parse/);
  });

  it("checks a policy by its rules", async () => {
    await expect(verifyPolicyText("p.hcl", "p", 'path "x" {\n  capabilities = ["read"]\n}\n', ruleMapFromSpecs([{ pattern: "x", capabilities: ["read"] }]))).resolves.toBeUndefined();
    await expect(verifyPolicyText("p.hcl", "p", 'path "x" {\n  capabilities = ["read", "update"]\n}\n', ruleMapFromSpecs([{ pattern: "x", capabilities: ["read"] }]))).rejects.toThrow(/rules are/);
  });
});
