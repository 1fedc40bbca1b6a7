import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EMPTY_404, setupStandin } from "./test-helpers";
import { CANARY, TOKENS } from "./test-fixture";

const { call, ctx } = setupStandin();
const RO = { token: TOKENS.readonly };

describe("database", () => {
  it("roles, static roles and connections; never the password", async () => {
    expect((await call("LIST", "database/roles", RO)).body.data.keys).toEqual(["payments-api"]);
    expect((await call("GET", "database/roles/payments-api", RO)).body.data).toMatchObject({ db_name: "payments-db", default_ttl: 3600, max_ttl: 86400, credential_type: "password", renew_statements: [] });
    expect((await call("LIST", "database/static-roles", RO)).body.data.keys).toEqual(["reporting"]);
    const sr = await call("GET", "database/static-roles/reporting", RO);
    expect(sr.body.data).toMatchObject({ username: "reporting", rotation_period: 86400, rotation_statements: [] });
    expect((await call("LIST", "database/config", RO)).body.data.keys).toEqual(["payments-db"]);
    const conn = await call("GET", "database/config/payments-db", RO);
    expect(conn.body.data).toMatchObject({ plugin_name: "postgresql-database-plugin", allowed_roles: ["payments-api"], connection_details: { username: "vault" } });
    expect(sr.text + conn.text).not.toContain(CANARY);
    expect((await call("GET", "database/roles/nope", RO)).status).toBe(404);
    expect((await call("GET", "database/static-creds/reporting", RO)).status).toBe(403);
  });
});

describe("aws", () => {
  it("roles", async () => {
    expect((await call("LIST", "aws/roles", RO)).body.data.keys).toEqual(["deploy"]);
    expect((await call("GET", "aws/roles/deploy", RO)).body.data).toMatchObject({ credential_type: "assumed_role", role_arns: ["arn:aws:iam::123456789012:role/deploy"], default_sts_ttl: 900 });
  });
});

describe("pki", () => {
  it("lists certs and revoked certs in Vault's serial form", async () => {
    expect((await call("LIST", "pki/certs", RO)).body.data.keys).toEqual(["17:67", "26:0f"]);
    expect((await call("LIST", "pki/certs/revoked", RO)).body.data.keys).toEqual(["26:0f"]);
  });
  it("cert/:serial needs no token and returns a parseable certificate (any serial form)", async () => {
    const r = await call("GET", "pki/cert/17-67");
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ revocation_time: 0, revocation_time_rfc3339: "" });
    expect(r.body.data.certificate.endsWith("-----END CERTIFICATE-----")).toBe(true);
    const x = new X509Certificate(r.body.data.certificate);
    expect(x.subject).toContain("web.acme.test");
    expect(x.serialNumber.toLowerCase()).toBe("1767");
    const revoked = await call("GET", "pki/cert/26:0F");
    expect(revoked.body.data).toMatchObject({ revocation_time: 1751371200, revocation_time_rfc3339: "2025-07-01T12:00:00Z", issuer_id: "3dc79a5a-7a6c-70e2-1123-94b88557ba12" });
    expect(await call("GET", "pki/cert/ff:ff")).toMatchObject({ status: 404, body: EMPTY_404 });
  });
  it("issuers: unauthenticated LIST with key_info; GET issuer needs a token", async () => {
    const list = await call("LIST", "pki/issuers");
    expect(list.body.data).toEqual({ keys: ["3dc79a5a-7a6c-70e2-1123-94b88557ba12"], key_info: { "3dc79a5a-7a6c-70e2-1123-94b88557ba12": { is_default: true, issuer_name: "root-x1" } } });
    expect(await call("GET", "pki/issuer/default")).toMatchObject({ status: 400, body: { errors: ["missing client token"] } });
    const issuer = await call("GET", "pki/issuer/root-x1", RO);
    expect(issuer.body.data).toMatchObject({ issuer_id: "3dc79a5a-7a6c-70e2-1123-94b88557ba12", issuer_name: "root-x1", revoked: false, manual_chain: null });
    expect(new X509Certificate(issuer.body.data.certificate).ca).toBe(true);
  });
  it("roles and the CRL (DER and PEM) listing the revoked serial", async () => {
    expect((await call("LIST", "pki/roles", RO)).body.data.keys).toEqual(["web"]);
    expect((await call("GET", "pki/roles/web", RO)).body.data).toMatchObject({ allowed_domains: ["acme.test"], allow_subdomains: true, key_type: "ec" });
    const der = await fetch(`${ctx.standin.url}/v1/pki/crl`);
    expect(der.headers.get("content-type")).toBe("application/pkix-crl");
    const { X509Crl } = await import("@peculiar/x509");
    const crl = new X509Crl(Buffer.from(await der.arrayBuffer()));
    expect(crl.entries.map((e) => e.serialNumber)).toEqual(["260f"]);
    expect(crl.issuer).toContain("Radius Test Root CA");
    const pem = await call("GET", "pki/crl/pem");
    expect(pem.text.startsWith("-----BEGIN X509 CRL-----")).toBe(true);
  });
});

describe("transit", () => {
  it("lists key names and reads key metadata", async () => {
    expect((await call("LIST", "transit/keys", { token: TOKENS.root })).body.data.keys).toEqual(["orders"]);
    expect((await call("GET", "transit/keys/orders", { token: TOKENS.root })).body.data).toMatchObject({ name: "orders", type: "aes256-gcm96", latest_version: 1 });
  });
});

describe("auth roles", () => {
  it("kubernetes role names are lower-cased; arrays stay arrays", async () => {
    expect((await call("LIST", "auth/kubernetes/role", RO)).body.data.keys).toEqual(["payments-api"]);
    const r = await call("GET", "auth/kubernetes/role/Payments-API", RO);
    expect(r.body.data).toMatchObject({ bound_service_account_names: ["payments"], bound_service_account_namespaces: ["prod"], audience: "vault", token_policies: ["payments-read"], token_ttl: 3600, token_bound_cidrs: [] });
    expect(r.body.mount_type).toBe("kubernetes");
  });
  it("jwt role names are case-sensitive", async () => {
    expect((await call("LIST", "auth/jwt/role", RO)).body.data.keys).toEqual(["CI-deploy"]);
    expect((await call("GET", "auth/jwt/role/CI-deploy", RO)).body.data).toMatchObject({ role_type: "jwt", bound_claims: { repository: "acme/payments" }, allowed_redirect_uris: null });
    expect((await call("GET", "auth/jwt/role/ci-deploy", RO)).status).toBe(404);
  });
  it("approle role and role-id", async () => {
    expect((await call("GET", "auth/approle/role/batch", RO)).body.data).toMatchObject({ bind_secret_id: true, secret_id_ttl: 600, secret_id_bound_cidrs: [] });
    expect((await call("GET", "auth/approle/role/batch/role-id", RO)).body.data).toEqual({ role_id: "c1f0a1b2-0000-4000-8000-000000000001" });
  });
});

describe("identity groups", () => {
  it("LIST by id carries key_info; by name lists names; GET shows alias and parents", async () => {
    const byId = await call("LIST", "identity/group/id", RO);
    expect(byId.body.data.keys).toEqual(["g-1", "g-2"]);
    expect(byId.body.data.key_info["g-1"]).toEqual({ name: "payments-team", num_member_entities: 2, num_parent_groups: 1 });
    expect((await call("LIST", "identity/group/name", RO)).body.data.keys).toEqual(["oidc-admins", "payments-team"]);
    const g1 = await call("GET", "identity/group/id/g-1", RO);
    expect(g1.body.data).toMatchObject({ name: "payments-team", alias: {}, parent_group_ids: ["g-2"], type: "internal" });
    const g2 = await call("GET", "identity/group/name/oidc-admins", RO);
    expect(g2.body.data.alias).toMatchObject({ name: "admins", mount_accessor: "auth_jwt_7d7d7d7d", mount_type: "jwt", mount_path: "auth/jwt/" });
  });
  it("group aliases by id", async () => {
    const list = await call("LIST", "identity/group-alias/id", { token: TOKENS.root });
    expect(list.body.data).toEqual({ keys: ["ga-1"], key_info: { "ga-1": { canonical_id: "g-2", mount_accessor: "auth_jwt_7d7d7d7d", mount_path: "auth/jwt/", mount_type: "jwt", name: "admins" } } });
    expect((await call("GET", "identity/group-alias/id/ga-1", { token: TOKENS.root })).body.data).toMatchObject({ canonical_id: "g-2", name: "admins" });
  });
});
