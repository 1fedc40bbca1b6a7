import { describe, expect, it } from "vitest";
import { parsePolicy } from "./parse-policy";
import { PolicyParseError } from "./policy-parse-error";

describe("parsePolicy", () => {
  it("reads both HCL block layouts, the HCL 1 assignment form, and JSON", async () => {
    const hcl = [
      'path "a" { capabilities = ["read"] }',
      'path "b"',
      "{",
      '  capabilities = ["list"]',
      "}",
      'path "c" = { capabilities = ["update"] }',
    ].join("\n");
    const policy = await parsePolicy("p", hcl);
    expect(policy.errors).toEqual([]);
    expect(policy.rules.map((r) => [r.path, r.capabilities, r.line])).toEqual([
      ["a", ["read"], 1],
      ["b", ["list"], 2],
      ["c", ["update"], 6],
    ]);
    const json = await parsePolicy("j", '{"path": {"secret/*": {"capabilities": ["read", "list"]}}}');
    expect(json.rules).toMatchObject([{ path: "secret/*", kind: "prefix", capabilities: ["list", "read"] }]);
  });

  it("classifies exact, prefix (trailing *) and segment (+) rules like vault/policy.go", async () => {
    const policy = await parsePolicy(
      "p",
      'path "x/y" {}\npath "x/*" {}\npath "x/+/z" {}\npath "x/+/z*" {}\npath "+" {}\npath "x/*/y" {}',
    );
    expect(policy.rules.map((r) => [r.path, r.kind])).toEqual([
      ["x/y", "exact"],
      ["x/*", "prefix"],
      ["x/+/z", "segment"],
      ["x/+/z*", "segment"],
      ["+", "segment"],
      ["x/*/y", "exact"],
    ]);
  });

  it("merges blocks repeating a path; deny leaves only deny", async () => {
    const policy = await parsePolicy(
      "p",
      'path "a" { capabilities = ["read"] }\npath "/a" { capabilities = ["list"] }\npath "d" { capabilities = ["read"] }\npath "d" { capabilities = ["deny", "bogus"] }',
    );
    expect(policy.errors).toEqual([]);
    expect(policy.rules.map((r) => [r.path, r.capabilities])).toEqual([
      ["a", ["list", "read"]],
      ["d", ["deny"]],
    ]);
  });

  it("maps the legacy policy shorthand", async () => {
    const policy = await parsePolicy("p", 'path "r" { policy = "read" }\npath "w" { policy = "write" }\npath "s" { policy = "sudo" }');
    expect(policy.rules.map((r) => r.capabilities)).toEqual([
      ["list", "read"],
      ["create", "delete", "list", "read", "update"],
      ["create", "delete", "list", "read", "sudo", "update"],
    ]);
  });

  it("keeps parameter and wrapping constraints without evaluating them", async () => {
    const hcl = `path "secret/restricted" {
  capabilities = ["create"]
  allowed_parameters = {
    "foo" = []
    "bar" = ["zip", "zap"]
  }
  required_parameters = ["bar"]
  min_wrapping_ttl = "1s"
  max_wrapping_ttl = 90
}`;
    const policy = await parsePolicy("p", hcl);
    expect(policy.errors).toEqual([]);
    expect(policy.rules[0]?.constraints).toEqual([
      { allowedParameters: { foo: [], bar: ["zip", "zap"] }, requiredParameters: ["bar"], minWrappingTtl: "1s", maxWrappingTtl: 90 },
    ]);
  });

  it("flags templated paths instead of guessing them", async () => {
    const policy = await parsePolicy(
      "t",
      'path "secret/data/{{identity.entity.aliases.auth_kubernetes_1234.metadata.service_account_namespace}}/*" {\n  capabilities = ["read"]\n}\npath "plain" { capabilities = ["read"] }',
    );
    expect(policy.templated).toBe(true);
    expect(policy.rules.map((r) => r.templated)).toEqual([true, false]);
  });

  it("reports a syntax error with file, line and column", async () => {
    const hcl = 'path "a" {\n  capabilities = ["read"]\n}\n\npath "b" {\n  capabilities = ["read" "list"]\n}\n';
    const error = await parsePolicy("team-a", hcl, { file: "policies/team-a.hcl" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyParseError);
    expect(error).toMatchObject({ source: "policies/team-a.hcl", line: 6, column: 26 });
    expect((error as Error).message).toMatch(/^policies\/team-a\.hcl:6:26: Missing item separator/);
  });

  it("accepts a brace after a comment or blank line, and a one-line body on the next line", async () => {
    const hcl = 'path "x" # the x\n\n{\n  capabilities = ["read"]\n}\npath "y"\n{ capabilities = ["list"] }\n';
    const policy = await parsePolicy("p", hcl);
    expect(policy.errors).toEqual([]);
    expect(policy.rules.map((r) => [r.path, r.capabilities, r.line])).toEqual([
      ["x", ["read"], 1],
      ["y", ["list"], 6],
    ]);
  });

  it("keeps the user's line numbers after rewriting next-line braces", async () => {
    const hcl = 'path "a"\n{\n  capabilities = ["read"]\n}\npath "b" {\n  capabilities = [read\n}\n';
    await expect(parsePolicy("p", hcl)).rejects.toMatchObject({ line: 7 });
  });

  it("labels errors with the policy name when no file is given, and locates JSON errors", async () => {
    await expect(parsePolicy("ops", 'path "a" {')).rejects.toThrow(/^ops:1:10: Unclosed configuration block/);
    await expect(parsePolicy("j", '{\n  "path": {\n    "a": {"capabilities": ["read"]},\n  }\n}')).rejects.toMatchObject({ source: "j", line: 4 });
  });

  it("lists rule problems Vault would reject, with their lines, and drops those rules", async () => {
    const hcl = [
      'path "ok" { capabilities = ["read"] }',
      'path "bad" {',
      '  capabilities = ["read", "frobnicate"]',
      "}",
      'path "a/+*" { capabilities = ["read"] }',
      'path "x/{{identity.entity.id" { capabilities = ["read"] }',
      'path "y" { policy = "admin" }',
      'path "z" { capabilitys = ["read"] }',
      'paths "q" { capabilities = ["read"] }',
      'path "n" { capabilities = "read" }',
    ].join("\n");
    const policy = await parsePolicy("p", hcl, { file: "p.hcl" });
    expect(policy.rules.map((r) => r.path)).toEqual(["ok"]);
    expect(policy.errors.map((e) => e.message)).toEqual([
      'p.hcl:3:27: path "bad": invalid capability "frobnicate"',
      "p.hcl:5:1: path \"a/+*\": invalid use of wildcards ('+*' is forbidden)",
      'p.hcl:6:1: path "x/{{identity.entity.id": failed to validate policy templating: unbalanced templating characters',
      'p.hcl:7:12: path "y": invalid policy "admin"',
      'p.hcl:8:12: path "z": invalid key "capabilitys"',
      'p.hcl:9:1: invalid key "paths"',
      'p.hcl:10:12: path "n": capabilities must be a list of strings',
    ]);
  });

  it("rejects an unquoted capability (HCL 2 reads it as an expression)", async () => {
    const policy = await parsePolicy("p", 'path "a" {\n  capabilities = [read]\n}');
    expect(policy.errors[0]?.message).toContain('invalid capability "${read}"');
  });

  it("accepts an empty policy and the top-level name key", async () => {
    expect(await parsePolicy("empty", "")).toMatchObject({ rules: [], errors: [], templated: false });
    expect((await parsePolicy("n", 'name = "DeV"\n# comment\n')).errors).toEqual([]);
  });
});
