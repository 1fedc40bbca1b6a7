/** The stand-in's own ACL matcher against the rules in reference/vault-api.md §15. */
import { describe, expect, it } from "vitest";
import { compileAcl, parsePolicyRules, reportCapabilities } from "./acl";

async function acl(...policies: string[]) {
  return compileAcl(await Promise.all(policies.map((p, i) => parsePolicyRules(`p${i}`, p))));
}
const caps = (a: Awaited<ReturnType<typeof acl>>, path: string, list = false) => [...(a.lookup(path, list) ?? [])].sort();

describe("stand-in ACL matcher", () => {
  it("exact beats glob; longest glob wins; * is a prefix match without a segment boundary", async () => {
    const a = await acl(`
      path "secret/*" { capabilities = ["read"] }
      path "secret/foo" { capabilities = ["list"] }
      path "secret/zip-*" { capabilities = ["update"] }`);
    expect(caps(a, "secret/foo")).toEqual(["list"]);
    expect(caps(a, "secret/zip-zap/zong")).toEqual(["update"]);
    expect(caps(a, "secret/other")).toEqual(["read"]);
    expect(a.lookup("other", false)).toBeNull();
  });
  it("+ matches one segment; secret/* outranks secret/+/+/foo/* (later first wildcard wins)", async () => {
    const a = await acl(`
      path "secret/+/teamb" { capabilities = ["read"] }
      path "secret/*" { capabilities = ["list"] }
      path "secret/+/+/foo/*" { capabilities = ["update"] }`);
    expect(caps(a, "secret/x/teamb")).toEqual(["read"]);
    expect(caps(a, "secret/x/y/teamb")).toEqual(["list"]);
    expect(caps(a, "secret/a/b/foo/c")).toEqual(["list"]);
  });
  it("same pattern across policies is unioned; deny there wins; deny on another pattern does not", async () => {
    const a = await acl(`path "s/*" { capabilities = ["read"] }`, `path "s/*" { capabilities = ["list"] }`);
    expect(caps(a, "s/x")).toEqual(["list", "read"]);
    const d = await acl(`path "s/*" { capabilities = ["read"] }`, `path "s/*" { capabilities = ["deny"] }`, `path "s/ok" { capabilities = ["read"] }`);
    expect(caps(d, "s/x")).toEqual(["deny"]);
    expect(caps(d, "s/ok")).toEqual(["read"]);
  });
  it("LIST accepts the exact pattern without the trailing slash", async () => {
    const a = await acl(`path "kv/metadata/app" { capabilities = ["list"] }`);
    expect(caps(a, "kv/metadata/app/", true)).toEqual(["list"]);
    expect(a.lookup("kv/metadata/app/", false)).toBeNull();
  });
  it("JSON policies, legacy `policy`, templated paths skipped, bad capability rejected", async () => {
    const a = await acl(`{"path":{"a/*":{"capabilities":["read"]}}}`, `path "b/*" { policy = "write" }`, `path "c/{{identity.entity.id}}/*" { capabilities = ["read"] }`);
    expect(caps(a, "a/x")).toEqual(["read"]);
    expect(caps(a, "b/x")).toEqual(["create", "delete", "list", "read", "update"]);
    expect(a.lookup("c/anything/x", false)).toBeNull();
    await expect(parsePolicyRules("bad", `path "x" { capabilities = ["fly"] }`)).rejects.toThrow(/invalid capability/);
    await expect(parsePolicyRules("bad", `path "x" {`)).rejects.toThrow(/failed to parse policy/);
  });
  it("reportCapabilities: sorted, deny when nothing, root for root", async () => {
    const a = await acl(`path "x" { capabilities = ["update", "read", "create"] }`);
    expect(reportCapabilities(a, "x")).toEqual(["create", "read", "update"]);
    expect(reportCapabilities(a, "y")).toEqual(["deny"]);
    expect(reportCapabilities(compileAcl([], true), "y")).toEqual(["root"]);
  });
});
