import { describe, expect, it } from "vitest";
import { isAllowedVaultRequest } from "./request-policy";

describe("isAllowedVaultRequest", () => {
  it.each([
    ["GET", "sys/health"],
    ["GET", "sys/mounts"],
    ["GET", "sys/auth"],
    ["GET", "sys/audit"],
    ["LIST", "sys/policies/acl"],
    ["GET", "sys/policies/acl/payments-prod"],
    ["LIST", "kv-prod/metadata/payments/"],
    ["GET", "kv-prod/metadata/payments/prod/stripe"],
    ["GET", "kv/metadata/app/data/db"], // a folder called "data" below metadata is still metadata
    ["LIST", "database-prod/roles"],
    ["GET", "database-prod/static-roles/billing"],
    ["GET", "database-prod/config/orders"],
    ["LIST", "auth/kubernetes-prod/role"],
    ["GET", "auth/github/role/payments-deploy"],
    ["LIST", "identity/group/id"],
    ["GET", "identity/group/id/1234"],
    ["LIST", "pki-int/certs"],
    ["GET", "pki-int/cert/17:67:16:b0"],
    ["LIST", "pki-int/certs/revoked"],
    ["LIST", "sys/leases/lookup/database-prod/creds/app/"],
    ["PUT", "sys/leases/lookup"],
    ["POST", "sys/capabilities-self"],
    ["GET", "auth/token/lookup-self"],
    ["LIST", "kv1/"], // KV v1: names only
    ["LIST", "legacy-kv/team/app/"],
  ])("allows %s %s", (method, path) => {
    expect(isAllowedVaultRequest(method, path)).toBe(true);
  });

  it.each([
    ["GET", "kv-prod/data/payments/prod/stripe"], // the secret value
    ["GET", "secret/data/app"],
    ["GET", "database-prod/creds/app"], // mints a credential
    ["GET", "database-prod/static-creds/billing"],
    ["GET", "aws/creds/deploy"],
    ["GET", "aws/sts/deploy"],
    ["POST", "pki-int/issue/web"],
    ["GET", "cubbyhole/anything"],
    ["POST", "sys/wrapping/unwrap"],
    ["GET", "transit/export/encryption-key/k"],
    ["POST", "kv-prod/data/payments/prod/stripe"],
    ["DELETE", "kv-prod/metadata/payments/prod/stripe"],
    ["PATCH", "kv-prod/metadata/payments/prod/stripe"],
    ["PUT", "sys/policies/acl/payments-prod"],
    ["POST", "sys/mounts/new"],
    ["POST", "auth/kubernetes/role/x"],
    ["GET", "kv/metadata/../data/x"],
    ["GET", "sys/health?x=1"],
    ["GET", "kv1/team/app"], // a KV v1 read is the value
    ["LIST", "database/creds/"],
    ["LIST", "cubbyhole/"],
    ["LIST", "auth/approle/role/app/secret-id"],
    ["LIST", "auth/token/accessors"], // generic LIST stops at sys/, auth/, identity/
    ["LIST", "sys/plugins/catalog"],
  ])("refuses %s %s", (method, path) => {
    expect(isAllowedVaultRequest(method, path)).toBe(false);
  });
});
