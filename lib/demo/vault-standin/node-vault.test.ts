/** The real client library the portal could use works against the stand-in unchanged. */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { setupStandin } from "./test-helpers";
import { TOKENS } from "./test-fixture";

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- node-vault ships loose typings
const nodeVault = require("node-vault") as (opts: { endpoint: string; token?: string; noCustomHTTPVerbs?: boolean }) => any;

const { ctx } = setupStandin();

describe("node-vault against the stand-in", () => {
  it("read, list (LIST verb and ?list=1) and request()", async () => {
    const vault = nodeVault({ endpoint: ctx.standin.url, token: TOKENS.readonly });
    const mounts = await vault.read("sys/mounts");
    expect(mounts.data["kv/"].type).toBe("kv");
    expect((await vault.list("kv/metadata/payments")).data.keys).toEqual(["prod/"]);
    const getList = nodeVault({ endpoint: ctx.standin.url, token: TOKENS.readonly, noCustomHTTPVerbs: true });
    expect((await getList.list("kv/metadata/payments")).data.keys).toEqual(["prod/"]);
    const policies = await vault.request({ path: "/sys/policies/acl", method: "LIST" });
    expect(policies.data.keys).toContain("radius-readonly");
    const health = await vault.health();
    expect(health.initialized).toBe(true);
    const self = await vault.tokenLookupSelf();
    expect(self.data.accessor).toBe("acc-readonly");
  });
  it("surfaces Vault's errors: 404 on empty LIST, 403 on a write", async () => {
    const vault = nodeVault({ endpoint: ctx.standin.url, token: TOKENS.readonly });
    await expect(vault.list("kv/metadata/none")).rejects.toMatchObject({ response: { statusCode: 404, body: { errors: [] } } });
    await expect(vault.write("kv/data/x", { data: { a: "b" } })).rejects.toMatchObject({
      message: "1 error occurred:\n\t* permission denied\n\n",
      response: { statusCode: 403 },
    });
    const writer = nodeVault({ endpoint: ctx.standin.url, token: TOKENS.writer });
    expect((await writer.write("kv/data/x", { data: { a: "b" } })).data.version).toBe(1);
  });
  it("records every request with its verb, operation and token accessor", () => {
    const lists = ctx.standin.requests.filter((r) => r.method === "LIST");
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((r) => r.operation === "list")).toBe(true);
    const viaQuery = ctx.standin.requests.find((r) => r.method === "GET" && r.query.list === "1");
    expect(viaQuery).toMatchObject({ operation: "list", tokenAccessor: "acc-readonly", status: 200 });
    expect(ctx.standin.requests.find((r) => r.path === "kv/data/x" && r.tokenAccessor === "acc-readonly")).toMatchObject({ method: "POST", operation: "create", status: 403 });
  });
});
