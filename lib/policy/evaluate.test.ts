import { describe, expect, it } from "vitest";
import { evaluateAcl, kvDataPath, kvMetadataPath } from "./evaluate";
import { parsePolicy } from "./parse-policy";
import { hclOf, policyFrom } from "./test-helpers";
import type { ParsedPolicy } from "./types";

async function capsOf(rules: Record<string, string[]>, path: string) {
  return evaluateAcl([await policyFrom("p", hclOf(rules))], path).capabilities;
}

describe("pattern forms (Vault docs, concepts/policies)", () => {
  it("an exact path matches only itself", async () => {
    const rules = { "secret/foo": ["read"] };
    expect(await capsOf(rules, "secret/foo")).toEqual(["read"]);
    expect(await capsOf(rules, "secret/food")).toEqual(["deny"]);
    expect(await capsOf(rules, "secret/foo/bar")).toEqual(["deny"]);
  });

  it("a trailing * is a prefix match with no segment boundary", async () => {
    const bar = { "secret/bar/*": ["read"] };
    expect(await capsOf(bar, "secret/bar/zip")).toEqual(["read"]);
    expect(await capsOf(bar, "secret/bar/zip/zap")).toEqual(["read"]);
    expect(await capsOf(bar, "secret/bars/zip")).toEqual(["deny"]);
    expect(await capsOf(bar, "secret/bar")).toEqual(["deny"]);
    const zip = { "secret/zip-*": ["read"] };
    expect(await capsOf(zip, "secret/zip-zap")).toEqual(["read"]);
    expect(await capsOf(zip, "secret/zip-zap/zong")).toEqual(["read"]);
    expect(await capsOf(zip, "secret/zip/zap")).toEqual(["deny"]);
  });

  it("+ matches exactly one segment", async () => {
    const one = { "secret/+/teamb": ["read"] };
    expect(await capsOf(one, "secret/foo/teamb")).toEqual(["read"]);
    expect(await capsOf(one, "secret/teamb")).toEqual(["deny"]);
    expect(await capsOf(one, "secret/foo/bar/teamb")).toEqual(["deny"]);
    const two = { "secret/+/+/teamb": ["read"] };
    expect(await capsOf(two, "secret/foo/bar/teamb")).toEqual(["read"]);
    expect(await capsOf(two, "secret/bar/foo/teamb")).toEqual(["read"]);
  });

  it("* anywhere but the end is a literal character", async () => {
    const rules = { "secret/*/foo": ["read"] };
    expect(await capsOf(rules, "secret/x/foo")).toEqual(["deny"]);
    expect(await capsOf(rules, "secret/*/foo")).toEqual(["read"]);
  });

  it("combines + and * (secret/+/foo/*)", async () => {
    const rules = { "secret/+/foo/*": ["read"] };
    expect(await capsOf(rules, "secret/a/foo/b/c")).toEqual(["read"]);
    expect(await capsOf(rules, "secret/a/foo")).toEqual(["deny"]);
    expect(await capsOf(rules, "secret/a/b/foo/c")).toEqual(["deny"]);
  });

  it("strips a leading / from patterns and request paths", async () => {
    expect(await capsOf({ "/secret/foo": ["read"] }, "/secret/foo")).toEqual(["read"]);
  });
});

describe("priority between matching rules", () => {
  it("an exact rule beats any glob", async () => {
    const rules = { "secret/foo*": ["read"], "secret/foo": ["update"] };
    expect(await capsOf(rules, "secret/foo")).toEqual(["update"]);
    expect(await capsOf(rules, "secret/foobar")).toEqual(["read"]);
  });

  it("docs example: secret/* outranks secret/+/+/foo/* (more + segments is lower)", async () => {
    const policy = await policyFrom("p", hclOf({ "secret/*": ["read"], "secret/+/+/foo/*": ["update"] }));
    expect(evaluateAcl([policy], "secret/a/b/foo/c").decidedBy?.pattern).toBe("secret/*");
  });

  it("secret/+/foo outranks secret/* (same first wildcard, ending in * is lower)", async () => {
    const rules = { "secret/*": ["read"], "secret/+/foo": ["update"] };
    expect(await capsOf(rules, "secret/a/foo")).toEqual(["update"]);
    expect(await capsOf(rules, "secret/a/bar")).toEqual(["read"]);
  });

  it("the longest plain glob wins, and lower-priority matches are ignored, not merged", async () => {
    const rules = { "secret/*": ["read", "list"], "secret/app/*": ["update"] };
    expect(await capsOf(rules, "secret/app/x")).toEqual(["update"]);
  });

  it("a later first wildcard wins (foo/a* over foo/+)", async () => {
    const rules = { "foo/+": ["read"], "foo/a*": ["update"] };
    expect(await capsOf(rules, "foo/abc")).toEqual(["update"]);
  });

  // vault/acl_test.go TestACL_SegmentWildcardPriority: the update rule must win each time.
  const vaultCases: Array<[string, string]> = [
    ['path "+/*" { capabilities = ["read"] }\npath "*" { capabilities = ["update"] }', "foo/bar/bar/baz"],
    ['path "+/*" { capabilities = ["read"] }\npath "foo/+/*" { capabilities = ["update"] }', "foo/bar/bar/baz"],
    ['path "foo/+/+/*" { capabilities = ["read"] }\npath "foo/+/bar/baz" { capabilities = ["update"] }', "foo/bar/bar/baz"],
    ['path "foo/+/+/baz" { capabilities = ["read"] }\npath "foo/+/bar/baz" { capabilities = ["update"] }', "foo/bar/bar/baz"],
    ['path "foo/+/(ar/baz" { capabilities = ["read"] }\npath "foo/(ar/+/baz" { capabilities = ["update"] }', "foo/(ar/(ar/baz"],
    ['path "foo/bar/+/baz*" { capabilities = ["read"] }\npath "foo/bar/+/baz" { capabilities = ["update"] }', "foo/bar/bar/baz"],
    ['path "foo/bar/+/b*" { capabilities = ["read"] }\npath "foo/bar/+/ba*" { capabilities = ["update"] }', "foo/bar/bar/baz"],
  ];
  it.each(vaultCases)("Vault's own priority case %#", async (hcl, path) => {
    expect(evaluateAcl([await policyFrom("p", hcl)], path).capabilities).toEqual(["update"]);
  });

  it("breaks a full tie (position, glob, + count, length) by the larger pattern in byte order", async () => {
    // Both match a/q/x/x; "a/+/x/+" > "a/+/+/x" because "x" (0x78) > "+" (0x2b).
    const rules = { "a/+/+/x": ["read"], "a/+/x/+": ["update"] };
    expect(await capsOf(rules, "a/q/x/x")).toEqual(["update"]);
  });

  it("a + inside a segment counts as a segment rule but is compared literally (vault/policy.go)", async () => {
    const rules = { "secret/a+b/*": ["read"] };
    expect(await capsOf(rules, "secret/a+b/c")).toEqual(["read"]);
    expect(await capsOf(rules, "secret/aXb/c")).toEqual(["deny"]);
  });
});

describe("deny and merging", () => {
  it("deny on the selected rule wins (docs: secret/super-secret)", async () => {
    const rules = { "secret/*": ["create", "read", "update", "patch", "delete", "list"], "secret/super-secret": ["deny"] };
    expect(await capsOf(rules, "secret/super-secret")).toEqual(["deny"]);
    expect(await capsOf(rules, "secret/other")).toEqual(["create", "delete", "list", "patch", "read", "update"]);
  });

  it("unions the same pattern across policies and names every contributor", async () => {
    const a = await policyFrom("a", hclOf({ "secret/data/app": ["read"] }));
    const b = await policyFrom("b", hclOf({ "secret/data/app": ["update"] }));
    const decision = evaluateAcl([a, b], "secret/data/app");
    expect(decision.capabilities).toEqual(["read", "update"]);
    expect(decision.decidedBy).toMatchObject({ pattern: "secret/data/app", policies: ["a", "b"] });
    expect(decision.decidedBy?.grants).toEqual({ read: ["a"], update: ["b"] });
  });

  it("a deny in one policy makes the same pattern deny-only in the merged ACL", async () => {
    const a = await policyFrom("a", hclOf({ "secret/foo": ["read", "sudo"] }));
    const b = await policyFrom("b", hclOf({ "secret/foo": ["deny"] }));
    for (const order of [[a, b], [b, a]]) {
      const decision = evaluateAcl(order, "secret/foo");
      expect(decision.capabilities).toEqual(["deny"]);
      expect(decision.decidedBy?.policies).toEqual(["b"]);
    }
  });

  it("a deny on a different pattern does not block a higher-priority grant", async () => {
    const a = await policyFrom("a", hclOf({ "secret/*": ["deny"] }));
    const b = await policyFrom("b", hclOf({ "secret/foo": ["read"] }));
    expect(evaluateAcl([a, b], "secret/foo").capabilities).toEqual(["read"]);
    expect(evaluateAcl([a, b], "secret/bar").capabilities).toEqual(["deny"]);
  });

  it("merges repeated blocks for one path inside a single policy", async () => {
    const policy = await policyFrom("p", 'path "x" { capabilities = ["read"] }\npath "x" { capabilities = ["list"] }');
    expect(evaluateAcl([policy], "x").capabilities).toEqual(["list", "read"]);
  });

  it("a matching rule with no capabilities decides, and denies", async () => {
    const policy = await policyFrom("p", 'path "secret/*" { capabilities = ["read"] }\npath "secret/x" {}');
    const decision = evaluateAcl([policy], "secret/x");
    expect(decision.capabilities).toEqual(["deny"]);
    expect(decision.decidedBy?.pattern).toBe("secret/x");
  });

  it("reports no rule when nothing matches", async () => {
    expect(evaluateAcl([await policyFrom("p", "")], "secret/x")).toMatchObject({ capabilities: ["deny"], decidedBy: null });
    expect(evaluateAcl([], "secret/x").decidedBy).toBeNull();
  });
});

// vault/acl_test.go aclPolicy / aclPolicy2 (legacy `policy = "..."` forms), TestACL_Single/Layered.
const ACL_POLICY = `
name = "DeV"
path "dev/*" { policy = "sudo" }
path "stage/*" { policy = "write" }
path "stage/aws/*" {
  policy = "read"
  capabilities = ["update", "sudo"]
}
path "stage/aws/policy/*" { policy = "sudo" }
path "prod/*" { policy = "read" }
path "prod/aws/*" { policy = "deny" }
path "sys/*" { policy = "deny" }
path "foo/bar" { capabilities = ["read", "create", "sudo"] }
path "baz/quux" { capabilities = ["read", "create", "patch"] }
path "test/+/segment" { capabilities = ["read"] }
path "+/segment/at/front" { capabilities = ["read"] }
path "test/segment/at/end/+" { capabilities = ["read"] }
path "test/segment/at/end/v2/+/" { capabilities = ["read"] }
path "test/+/wildcard/+/*" { capabilities = ["read"] }
path "test/+/wildcardglob/+/end*" { capabilities = ["read"] }
path "1/2/*" { capabilities = ["create"] }
path "1/2/+" { capabilities = ["read"] }
path "1/2/+/+" { capabilities = ["update", "recover"] }
`;
const ACL_POLICY_2 = `
name = "OpS"
path "dev/hide/*" { policy = "deny" }
path "stage/aws/policy/*" {
  policy = "deny"
  # This should have no effect
  capabilities = ["read", "update", "sudo"]
}
path "prod/*" { policy = "write" }
path "sys/seal" { policy = "sudo" }
path "foo/bar" { capabilities = ["deny"] }
path "baz/quux" { capabilities = ["deny"] }
`;

describe("Vault's acl_test.go cases", () => {
  const single = (p: ParsedPolicy, path: string) => evaluateAcl([p], path, { listFallback: false }).capabilities;

  it("TestACL_Single", async () => {
    const p = await policyFrom("dev", ACL_POLICY);
    const has = (path: string, cap: string) => (single(p, path) as string[]).includes(cap);
    expect(has("root", "read")).toBe(false);
    expect(single(p, "dev/foo")).toEqual(["create", "delete", "list", "read", "sudo", "update"]);
    expect(has("stage/foo", "delete")).toBe(true);
    expect(single(p, "stage/aws/foo")).toEqual(["list", "read", "sudo", "update"]);
    expect(has("stage/aws/policy/foo", "update") && has("stage/aws/policy/foo", "sudo")).toBe(true);
    expect(single(p, "prod/foo")).toEqual(["list", "read"]);
    expect(single(p, "prod/aws/foo")).toEqual(["deny"]);
    expect(single(p, "foo/bar")).toEqual(["create", "read", "sudo"]);
    expect(single(p, "baz/quux")).toEqual(["create", "patch", "read"]);
    expect(has("test/foo/bar/segment", "read")).toBe(false);
    expect(has("test/foo/segment", "read")).toBe(true);
    expect(has("test/bar/segment", "read")).toBe(true);
    expect(has("test/segment/at/frond", "read")).toBe(false);
    expect(has("test/segment/at/front", "read")).toBe(true);
    expect(has("test/segment/at/end/foo", "read")).toBe(true);
    expect(has("test/segment/at/end/foo/", "read")).toBe(false);
    expect(has("test/segment/at/end/v2/foo/", "read")).toBe(true);
    expect(has("test/segment/wildcard/at/foo/", "read")).toBe(true);
    expect(has("test/segment/wildcard/at/end", "read")).toBe(true);
    expect(has("test/segment/wildcard/at/end/", "read")).toBe(true);
    expect(single(p, "1/2/3/4")).toEqual(["recover", "update"]);
    expect(single(p, "1/2/3")).toEqual(["read"]);
    expect(single(p, "1/2/3/4/5")).toEqual(["create"]);
  });

  it("TestACL_Layered", async () => {
    const both = [await policyFrom("dev", ACL_POLICY), await policyFrom("ops", ACL_POLICY_2)];
    const caps = (path: string) => evaluateAcl(both, path, { listFallback: false }).capabilities;
    expect(caps("dev/foo")).toContain("sudo");
    expect(caps("dev/hide/foo")).toEqual(["deny"]);
    expect(caps("stage/aws/foo")).toEqual(["list", "read", "sudo", "update"]);
    expect(caps("stage/aws/policy/foo")).toEqual(["deny"]);
    expect(caps("prod/foo")).toEqual(["create", "delete", "list", "read", "update"]);
    expect(caps("prod/aws/foo")).toEqual(["deny"]);
    expect(caps("sys/status")).toEqual(["deny"]);
    expect(caps("sys/seal")).toContain("sudo");
    expect(caps("foo/bar")).toEqual(["deny"]);
    expect(caps("baz/quux")).toEqual(["deny"]);
  });

  it("TestACL_Capabilities (LIST fallback, as sys/capabilities-self)", async () => {
    const p = await policyFrom("dev", ACL_POLICY);
    expect(evaluateAcl([p], "dev").capabilities).toEqual(["deny"]);
    expect(evaluateAcl([p], "dev/").capabilities).toEqual(["create", "delete", "list", "read", "sudo", "update"]);
    expect(evaluateAcl([p], "stage/aws/test").capabilities).toEqual(["list", "read", "sudo", "update"]);
  });

  it("TestACLGrantingPolicies: granting policies per capability", async () => {
    const a = await policyFrom("granting_policy", hclOf({ "kv/path/longer": ["update", "read"] }));
    const b = await policyFrom("granting_policy_merged", hclOf({ "kv/path/longer": ["read"] }));
    const decision = evaluateAcl([a, b], "kv/path/longer");
    expect(decision.decidedBy?.grants.update).toEqual(["granting_policy"]);
    expect(decision.decidedBy?.grants.read).toEqual(["granting_policy", "granting_policy_merged"]);
  });
});

describe("LIST trailing slash", () => {
  it("uses the exact rule without the slash for LIST paths, only with the fallback", async () => {
    const p = await policyFrom("p", hclOf({ "secret/metadata/app": ["list"] }));
    expect(evaluateAcl([p], "secret/metadata/app/").capabilities).toEqual(["list"]);
    expect(evaluateAcl([p], "secret/metadata/app/", { listFallback: false }).capabilities).toEqual(["deny"]);
  });

  it("tries wildcard rules for the trimmed path first (current vault/acl.go order)", async () => {
    const p = await policyFrom("p", hclOf({ "secret/metadata/app*": ["read"], "secret/metadata/app/*": ["list"] }));
    expect(evaluateAcl([p], "secret/metadata/app/").decidedBy?.pattern).toBe("secret/metadata/app*");
    expect(evaluateAcl([p], "secret/metadata/app/", { listFallback: false }).decidedBy?.pattern).toBe("secret/metadata/app/*");
  });
});

describe("KV v2", () => {
  it("builds data and metadata paths", () => {
    expect(kvDataPath("secret", "app/db")).toBe("secret/data/app/db");
    expect(kvDataPath("secret/", "/app/db")).toBe("secret/data/app/db");
    expect(kvMetadataPath("kv/team", "app")).toBe("kv/team/metadata/app");
  });

  it("reads need data/, listing needs metadata/; a KV v1 style rule matches neither", async () => {
    const p = await policyFrom("p", hclOf({ "secret/data/app/*": ["read"], "secret/metadata/app/*": ["list"] }));
    expect(evaluateAcl([p], kvDataPath("secret", "app/db")).capabilities).toEqual(["read"]);
    expect(evaluateAcl([p], kvMetadataPath("secret", "app/db")).capabilities).toEqual(["list"]);
    expect(evaluateAcl([p], `${kvMetadataPath("secret", "app")}/`).capabilities).toEqual(["list"]);
    const v1 = await policyFrom("v1", hclOf({ "secret/app/*": ["read"] }));
    expect(evaluateAcl([v1], kvDataPath("secret", "app/db")).capabilities).toEqual(["deny"]);
  });
});

describe("templated and root policies", () => {
  it("skips templated rules, reports them, and lets the other rules decide", async () => {
    const p = await policyFrom(
      "t",
      hclOf({ "secret/data/{{identity.entity.id}}/*": ["read", "update"], "secret/data/*": ["list"] }),
    );
    const decision = evaluateAcl([p], "secret/data/abc/x");
    expect(decision.capabilities).toEqual(["list"]);
    expect(decision.templatedSkipped).toEqual(["secret/data/{{identity.entity.id}}/*"]);
  });

  it("root allows everything, everywhere", async () => {
    const decision = evaluateAcl([await parsePolicy("root", "")], "sys/raw/anything");
    expect(decision.isRoot).toBe(true);
    expect(decision.capabilities).toEqual(["create", "delete", "list", "patch", "read", "recover", "subscribe", "sudo", "update"]);
    expect(decision.decidedBy).toMatchObject({ kind: "root", policies: ["root"] });
  });
});
