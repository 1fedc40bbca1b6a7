import { describe, expect, it } from "vitest";
import { EMPTY_404, PERMISSION_DENIED, setupStandin } from "./test-helpers";
import { CANARY, TOKENS } from "./test-fixture";

const { call, ctx } = setupStandin((w) => {
  w.policies["update-only"] = 'path "kv/data/*" { capabilities = ["update"] }';
  w.tokens.push({ id: "hvs.update-only", accessor: "acc-update", displayName: "token-update", policies: ["update-only"], ttlSeconds: 0 });
});
const RO = { token: TOKENS.readonly };
const W = { token: TOKENS.writer };

describe("KV v2 metadata", () => {
  it("LIST returns folders with a trailing slash; a name can be secret and folder", async () => {
    const r = await call("LIST", "kv/metadata/", RO);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ data: { keys: ["payments", "payments/", "web/"] }, mount_type: "kv", wrap_info: null, warnings: null, auth: null, lease_id: "" });
    expect(typeof r.body.request_id).toBe("string");
    expect((await call("LIST", "kv/metadata/payments/prod", RO)).body.data.keys).toEqual(["adyen", "stripe"]);
  });
  it("GET ?list=true equals LIST, with and without the trailing slash", async () => {
    const viaList = await call("LIST", "kv/metadata/payments", RO);
    for (const q of ["kv/metadata/payments?list=true", "kv/metadata/payments/?list=1"]) {
      expect((await call("GET", q, RO)).body.data).toEqual(viaList.body.data);
    }
  });
  it("an empty or missing folder is 404 {errors:[]}", async () => {
    expect(await call("LIST", "kv/metadata/nope", RO)).toMatchObject({ status: 404, body: EMPTY_404 });
  });
  it("GET metadata has Vault's field types", async () => {
    const r = await call("GET", "kv/metadata/payments/prod/stripe", RO);
    expect(r.body.data).toEqual({
      cas_required: false,
      created_time: "2025-03-01T10:00:00.000000000Z",
      current_version: 2,
      custom_metadata: { owner: "payments" },
      delete_version_after: "0s",
      max_versions: 0,
      oldest_version: 0,
      updated_time: "2025-03-01T10:00:00.000000000Z",
      versions: {
        "1": { created_time: "2025-03-01T10:00:00.000000000Z", deletion_time: "", destroyed: false },
        "2": { created_time: "2025-03-01T10:00:00.000000000Z", deletion_time: "", destroyed: false },
      },
    });
    expect((await call("GET", "kv/metadata/payments/prod/adyen", RO)).body.data.custom_metadata).toBeNull();
    expect(await call("GET", "kv/metadata/none", RO)).toMatchObject({ status: 404, body: EMPTY_404 });
  });
  it("kv/config and the invalid-path warning", async () => {
    expect((await call("GET", "kv/config", { token: TOKENS.root })).body.data).toEqual({ cas_required: false, delete_version_after: "0s", max_versions: 0 });
    const bad = await call("GET", "kv/payments", { token: TOKENS.root });
    expect(bad.status).toBe(404);
    expect(bad.body.warnings[0]).toContain("vault kv get");
  });
});

describe("KV v2 data (the canary) and writes", () => {
  it("data/ returns the secret to a token allowed to read it, and the read-only token is refused", async () => {
    const r = await call("GET", "kv/data/payments/prod/stripe", { token: TOKENS.root });
    expect(r.body.data).toMatchObject({ data: { password: CANARY }, metadata: { version: 2, destroyed: false, deletion_time: "" } });
    expect(await call("GET", "kv/data/payments/prod/stripe", RO)).toMatchObject({ status: 403, body: PERMISSION_DENIED });
  });
  it("a deleted version is 404 with the envelope still present", async () => {
    const r = await call("GET", "kv/data/web/deleted", { token: TOKENS.root });
    expect(r.status).toBe(404);
    expect(r.body.data).toMatchObject({ data: null, metadata: { version: 1, deletion_time: "2025-03-02T00:00:00Z" } });
  });
  it("read-only token cannot write; a write-capable token can, and the world changes", async () => {
    const body = { data: { api_key: "new-value" } };
    expect(await call("POST", "kv/data/teams/new", { ...RO, body })).toMatchObject({ status: 403, body: PERMISSION_DENIED });
    const w = await call("POST", "kv/data/teams/new", { ...W, body });
    expect(w.status).toBe(200);
    expect(w.body.data).toMatchObject({ version: 1, destroyed: false, deletion_time: "" });
    expect((await call("LIST", "kv/metadata/teams", RO)).body.data.keys).toEqual(["new"]);
    expect((await call("GET", "kv/data/teams/new", W)).body.data.data).toEqual({ api_key: "new-value" });
    const again = await call("PUT", "kv/data/teams/new", { ...W, body: { data: { api_key: "v2" }, options: { cas: 1 } } });
    expect(again.body.data.version).toBe(2);
    expect(await call("PUT", "kv/data/teams/new", { ...W, body: { data: { x: "1" }, options: { cas: 1 } } })).toMatchObject({
      status: 400,
      body: { errors: ["check-and-set parameter did not match the current version"] },
    });
    expect((await call("DELETE", "kv/metadata/teams/new", W)).status).toBe(204);
    expect((await call("LIST", "kv/metadata/teams", RO)).status).toBe(404);
  });
  it("create vs update: an update-only token may overwrite but not create (existence check)", async () => {
    const U = { token: "hvs.update-only" };
    expect((await call("POST", "kv/data/payments/prod/adyen", { ...U, body: { data: { k: "v" } } })).status).toBe(200);
    expect(await call("POST", "kv/data/brand-new", { ...U, body: { data: { k: "v" } } })).toMatchObject({ status: 403, body: PERMISSION_DENIED });
    // Writes are copy-on-write: the world object the stand-in was started with is untouched.
    const original = ctx.world.mounts.find((m) => m.path === "kv");
    expect(original?.type === "kv" && original.secrets.find((s) => s.path === "payments/prod/adyen")?.currentVersion).toBe(1);
  });
  it("policy writes change the ACL of live tokens", async () => {
    const denied = await call("GET", "kv/metadata/payments", { token: TOKENS.nobody });
    expect(denied.status).toBe(403);
    const put = await call("PUT", "sys/policies/acl/default", { token: TOKENS.writer, body: { policy: 'path "kv/metadata/*" { capabilities = ["read"] }' } });
    expect(put.status).toBe(204);
    expect((await call("GET", "kv/metadata/payments", { token: TOKENS.nobody })).status).toBe(200);
    expect(await call("PUT", "sys/policies/acl/broken", { token: TOKENS.writer, body: { policy: 'path "x" { capabilities = ["fly"] }' } })).toMatchObject({ status: 400 });
    expect(await call("DELETE", "sys/policies/acl/root", { token: TOKENS.writer })).toMatchObject({ status: 400, body: { errors: ['cannot delete "root" policy'] } });
  });
});

describe("KV v1", () => {
  it("lists and reads without a data/ prefix", async () => {
    expect((await call("LIST", "kv1/app", RO)).body.data.keys).toEqual(["config"]);
    expect((await call("GET", "kv1/app/config", { token: TOKENS.root })).body.data).toEqual({ password: CANARY });
  });
});
