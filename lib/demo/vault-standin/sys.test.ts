import { describe, expect, it } from "vitest";
import { EMPTY_404, INVALID_TOKEN, PERMISSION_DENIED, setupStandin } from "./test-helpers";
import { READONLY_POLICY, TOKENS } from "./test-fixture";

const { call } = setupStandin();
const RO = { token: TOKENS.readonly };
const ROOT = { token: TOKENS.root };

describe("sys/health and sys/seal-status", () => {
  it("serves raw JSON without a token", async () => {
    const r = await call("GET", "sys/health");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ initialized: true, sealed: false, standby: false, version: "1.18.3", cluster_name: "vault-cluster-test" });
    expect(r.body.request_id).toBeUndefined();
  });
  it("HEAD returns only the status and query overrides apply", async () => {
    const head = await call("HEAD", "sys/health");
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect((await call("GET", "sys/health?activecode=299")).status).toBe(299);
  });
  it("seal-status", async () => {
    const r = await call("GET", "sys/seal-status");
    expect(r.body).toMatchObject({ type: "shamir", sealed: false, t: 3, n: 5, cluster_id: expect.any(String) });
  });
});

describe("cross-cutting errors", () => {
  it("missing token is 400, unknown token is 403 with two errors", async () => {
    expect(await call("GET", "sys/mounts")).toMatchObject({ status: 400, body: { errors: ["missing client token"] } });
    expect(await call("GET", "sys/mounts", { token: "hvs.nope" })).toMatchObject({ status: 403, body: INVALID_TOKEN });
  });
  it("accepts Authorization: Bearer", async () => {
    const r = await call("GET", "sys/mounts", { headers: { Authorization: `Bearer ${TOKENS.readonly}` } });
    expect(r.status).toBe(200);
  });
  it("ACL runs before routing: forbidden unmounted path is 403, allowed one is 404 no handler", async () => {
    expect(await call("GET", "nomount/x", RO)).toMatchObject({ status: 403, body: PERMISSION_DENIED });
    expect(await call("GET", "nomount/x", ROOT)).toMatchObject({
      status: 404,
      body: { errors: ['no handler for route "nomount/x". route entry not found.'] },
    });
  });
  it("wrong verb is 405, unknown path in a mount is 404 unsupported path", async () => {
    expect(await call("GET", "sys/policies/acl", ROOT)).toMatchObject({ status: 405, body: { errors: ["1 error occurred:\n\t* unsupported operation\n\n"] } });
    expect(await call("GET", "sys/nothing-here", ROOT)).toMatchObject({ status: 404, body: { errors: ["1 error occurred:\n\t* unsupported path\n\n"] } });
  });
  it("a verb Vault does not know is 405; LOCK is not mistaken for LIST", async () => {
    expect(await call("LOCK", "kv/metadata/", ROOT)).toMatchObject({ status: 405, body: EMPTY_404 });
    expect((await call("LIST", "kv/metadata/", ROOT)).status).toBe(200);
  });
  it("a write to a read-only endpoint is 405 once the ACL allows it", async () => {
    expect((await call("POST", "sys/mounts", { ...RO, body: {} })).status).toBe(403);
    expect(await call("POST", "sys/mounts", { ...ROOT, body: {} })).toMatchObject({ status: 405, body: { errors: ["1 error occurred:\n\t* unsupported operation\n\n"] } });
  });
  it("a bad ?list= value is 400 with no message", async () => {
    expect(await call("GET", "sys/policies/acl?list=maybe", ROOT)).toMatchObject({ status: 400, body: EMPTY_404 });
  });
});

describe("sys/mounts and sys/auth", () => {
  it("lists mounts with data copied to the top level", async () => {
    const r = await call("GET", "sys/mounts", RO);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.data)).toEqual(["aws/", "cubbyhole/", "database/", "identity/", "kv/", "kv1/", "pki/", "sys/", "transit/"]);
    expect(r.body["kv/"]).toEqual(r.body.data["kv/"]);
    expect(r.body.data["kv/"]).toMatchObject({ type: "kv", options: { version: "2" }, accessor: "kv_aedd93c1" });
    expect(r.body).toMatchObject({ lease_id: "", renewable: false, lease_duration: 0, wrap_info: null, warnings: null, auth: null, mount_type: "system" });
  });
  it("reads one mount and its tune", async () => {
    expect((await call("GET", "sys/mounts/pki", RO)).body.data.type).toBe("pki");
    expect((await call("GET", "sys/mounts/kv/tune", RO)).body).toMatchObject({ data: { max_lease_ttl: 2764800 }, max_lease_ttl: 2764800 });
  });
  it("lists auth mounts; reading one needs sudo", async () => {
    const r = await call("GET", "sys/auth", RO);
    expect(Object.keys(r.body.data)).toEqual(["approle/", "jwt/", "kubernetes/", "token/"]);
    expect(r.body["kubernetes/"].config.token_type).toBe("default-service");
    expect((await call("GET", "sys/auth/kubernetes", RO)).status).toBe(403);
    expect((await call("GET", "sys/auth/kubernetes", ROOT)).body.data.accessor).toBe("auth_kubernetes_26e36b22");
  });
});

describe("sys/internal/ui/mounts (the CLI's KV version probe)", () => {
  it("returns the mount entry with its path when the token reaches into the mount, 403 preflight otherwise", async () => {
    const r = await call("GET", "sys/internal/ui/mounts/kv/payments/prod/stripe", RO);
    expect(r.body.data).toMatchObject({ path: "kv/", type: "kv", options: { version: "2" } });
    expect(r.body["kv/"]).toBeUndefined();
    const denied = await call("GET", "sys/internal/ui/mounts/transit/keys", RO);
    expect(denied).toMatchObject({ status: 403, body: { errors: ['preflight capability check returned 403, please ensure client\'s policies grant access to path "transit/keys/"'] } });
    expect((await call("GET", "sys/internal/ui/mounts/nomount/x", ROOT)).status).toBe(403);
  });
});

describe("policies", () => {
  it("LIST sys/policies/acl: sorted stored names, root last, only under data", async () => {
    const r = await call("LIST", "sys/policies/acl", RO);
    expect(r.body.data.keys).toEqual(["default", "kv-writer", "payments-read", "radius-readonly", "root"]);
    expect(r.body.keys).toBeUndefined();
    expect((await call("GET", "sys/policies/acl?list=true", RO)).body.data).toEqual(r.body.data);
  });
  it("reads a policy's raw text; unknown is 404", async () => {
    const r = await call("GET", "sys/policies/acl/radius-readonly", RO);
    expect(r.body.data).toEqual({ name: "radius-readonly", policy: READONLY_POLICY });
    expect(await call("GET", "sys/policies/acl/nope", RO)).toMatchObject({ status: 404, body: EMPTY_404 });
  });
  it("legacy sys/policy copies data to the top level and names the field rules", async () => {
    const list = await call("GET", "sys/policy", RO);
    expect(list.body.keys).toEqual(list.body.policies);
    expect(list.body.data.policies).toContain("root");
    const one = await call("GET", "sys/policy/payments-read", RO);
    expect(one.body).toMatchObject({ name: "payments-read", rules: expect.stringContaining("kv/data/payments"), data: { name: "payments-read" } });
  });
});

describe("sys/audit (sudo) and leases", () => {
  it("sys/audit needs sudo and copies data to the top level", async () => {
    const r = await call("GET", "sys/audit", RO);
    expect(r.body["file/"]).toEqual({ description: "", local: false, options: { file_path: "/var/log/vault_audit.log" }, path: "file/", type: "file" });
    expect((await call("GET", "sys/audit", { token: TOKENS.nobody })).status).toBe(403);
  });
  it("LIST sys/leases/lookup by prefix; 404 when empty; needs sudo", async () => {
    expect((await call("LIST", "sys/leases/lookup/", ROOT)).body.data.keys).toEqual(["auth/", "database/"]);
    // Vault's LIST fallback: the default policy's exact "sys/leases/lookup" (update) beats the
    // "sys/leases/lookup/*" glob for the root listing, so it is denied without an exact rule.
    expect((await call("LIST", "sys/leases/lookup/", RO)).status).toBe(403);
    expect((await call("LIST", "sys/leases/lookup/database/creds/payments-api", RO)).body.data.keys).toEqual(["abc123", "def456"]);
    expect(await call("LIST", "sys/leases/lookup/aws/", RO)).toMatchObject({ status: 404, body: EMPTY_404 });
    expect((await call("LIST", "sys/leases/lookup/database/", { token: TOKENS.writer })).status).toBe(403);
  });
  it("PUT sys/leases/lookup (default policy) returns last_renewal; unknown is 400 invalid lease", async () => {
    const r = await call("PUT", "sys/leases/lookup", { token: TOKENS.nobody, body: { lease_id: "database/creds/payments-api/def456" } });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ id: "database/creds/payments-api/def456", last_renewal: "2025-03-01T10:00:00.000000000Z", renewable: true });
    expect(r.body.data.ttl).toBeGreaterThan(0);
    expect(await call("PUT", "sys/leases/lookup", { token: TOKENS.nobody, body: { lease_id: "x/y" } })).toMatchObject({ status: 400, body: { errors: ["invalid lease"] } });
    expect(await call("PUT", "sys/leases/lookup", { token: TOKENS.nobody, body: {} })).toMatchObject({ status: 400, body: { errors: ["lease_id must be specified"] } });
  });
});

describe("sys/capabilities-self", () => {
  it("answers per path, sorted, deny for no match, copied to the top level, no `capabilities` for several paths", async () => {
    const paths = ["kv/metadata/payments", "kv/data/payments/prod/stripe", "sys/mounts", "nothing/here"];
    const r = await call("POST", "sys/capabilities-self", { ...RO, body: { paths } });
    expect(r.body.data).toEqual({
      "kv/metadata/payments": ["list", "read"],
      "kv/data/payments/prod/stripe": ["deny"],
      "sys/mounts": ["read"],
      "nothing/here": ["deny"],
    });
    expect(r.body["sys/mounts"]).toEqual(["read"]);
    expect(r.body.capabilities).toBeUndefined();
  });
  it("adds `capabilities` for a single path; root gets [root]; missing paths is 400", async () => {
    const one = await call("POST", "sys/capabilities-self", { token: TOKENS.writer, body: { path: "kv/data/x" } });
    expect(one.body.data).toEqual({ "kv/data/x": ["create", "delete", "patch", "read", "update"], capabilities: ["create", "delete", "patch", "read", "update"] });
    expect((await call("POST", "sys/capabilities-self", { ...ROOT, body: { paths: ["anything"] } })).body.data.anything).toEqual(["root"]);
    expect(await call("POST", "sys/capabilities-self", { ...RO, body: {} })).toMatchObject({ status: 400, body: { errors: ["paths must be supplied"] } });
  });
});

describe("auth/token/lookup-self", () => {
  it("describes the calling token, with the default policy attached", async () => {
    const r = await call("GET", "auth/token/lookup-self", RO);
    expect(r.body.data).toMatchObject({ accessor: "acc-readonly", display_name: "token-radius", policies: ["default", "radius-readonly"], type: "service", meta: { app: "radius" }, renewable: true });
    expect(r.body.mount_type).toBe("token");
    const root = await call("GET", "auth/token/lookup-self", ROOT);
    expect(root.body.data).toMatchObject({ policies: ["root"], path: "auth/token/root", expire_time: null, ttl: 0 });
    expect(root.body.data.issue_time).toBeUndefined();
  });
});
