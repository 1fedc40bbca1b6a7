/**
 * A small hand-built VaultWorld for the stand-in's tests. The PKI part holds real certificates
 * (a self-signed CA and two leaves it signed, one revoked) generated with @peculiar/x509.
 */
import "reflect-metadata"; // @peculiar/x509 (via tsyringe) needs the Reflect polyfill loaded first
import { webcrypto } from "node:crypto";
import { BasicConstraintsExtension, X509CertificateGenerator } from "@peculiar/x509";
import type { KvSecret, VaultWorld } from "../vault-world";

const cryptoImpl = webcrypto as unknown as Crypto;
const alg = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };

export const TOKENS = {
  root: "hvs.root-token",
  readonly: "hvs.radius-readonly",
  writer: "hvs.kv-writer",
  nobody: "hvs.default-only",
} as const;

export const CANARY = "CANARY-7f3a-do-not-read";

export const READONLY_POLICY = `
path "sys/mounts" { capabilities = ["read"] }
path "sys/mounts/*" { capabilities = ["read"] }
path "sys/auth" { capabilities = ["read"] }
path "sys/policies/acl/*" { capabilities = ["read", "list"] }
path "sys/policy" { capabilities = ["read"] }
path "sys/policy/*" { capabilities = ["read"] }
path "sys/audit" { capabilities = ["read", "sudo"] }
path "sys/leases/lookup/*" { capabilities = ["list", "sudo"] }
path "kv/metadata/*" { capabilities = ["read", "list"] }
path "kv/data/*" { capabilities = ["deny"] }
path "kv1/*" { capabilities = ["list"] }
path "database/*" { capabilities = ["read", "list"] }
path "database/static-creds/*" { capabilities = ["deny"] }
path "aws/roles/*" { capabilities = ["read", "list"] }
path "pki/*" { capabilities = ["read", "list"] }
path "auth/+/role/*" { capabilities = ["read", "list"] }
path "identity/group/*" { capabilities = ["read", "list"] }
`;

export const WRITER_POLICY = `
path "kv/data/*" { capabilities = ["create", "read", "update", "patch", "delete"] }
path "kv/metadata/*" { capabilities = ["read", "list", "delete"] }
path "sys/policies/acl/*" { capabilities = ["create", "read", "update", "delete", "list"] }
`;

async function makeCerts() {
  const caKeys = (await cryptoImpl.subtle.generateKey(alg, true, ["sign", "verify"])) as CryptoKeyPair;
  const ca = await X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: "01",
      name: "CN=Radius Test Root CA",
      notBefore: new Date("2025-01-01T00:00:00Z"),
      notAfter: new Date("2035-01-01T00:00:00Z"),
      keys: caKeys,
      signingAlgorithm: alg,
      extensions: [new BasicConstraintsExtension(true, undefined, true)],
    },
    cryptoImpl,
  );
  const leaf = async (serialHex: string, cn: string) => {
    const keys = (await cryptoImpl.subtle.generateKey(alg, true, ["sign", "verify"])) as CryptoKeyPair;
    return X509CertificateGenerator.create(
      {
        serialNumber: serialHex,
        subject: `CN=${cn}`,
        issuer: ca.subject,
        notBefore: new Date("2025-06-01T00:00:00Z"),
        notAfter: new Date("2026-06-01T00:00:00Z"),
        signingKey: caKeys.privateKey,
        publicKey: keys.publicKey,
        signingAlgorithm: alg,
      },
      cryptoImpl,
    );
  };
  return { ca: ca.toString("pem"), web: (await leaf("1767", "web.acme.test")).toString("pem"), old: (await leaf("260f", "old.acme.test")).toString("pem") };
}

export async function buildFixtureWorld(): Promise<VaultWorld> {
  const certs = await makeCerts();
  const t = "2025-03-01T10:00:00.000000000Z";
  const secret = (path: string, extra: Partial<KvSecret> = {}): KvSecret => ({
    path,
    createdTime: t,
    updatedTime: t,
    currentVersion: 1,
    maxVersions: 0,
    casRequired: false,
    deleteVersionAfter: "0s",
    customMetadata: null,
    versions: { "1": { createdTime: t, deletionTime: "", destroyed: false } },
    data: { password: CANARY },
    ...extra,
  });
  const tokenFields = { tokenPolicies: ["payments-read"], tokenTtl: 3600, tokenMaxTtl: 7200, tokenType: "default" as const };
  return {
    clusterName: "vault-cluster-test",
    clusterId: "0d3b2c4e-1111-2222-3333-444455556666",
    version: "1.18.3",
    sealed: false,
    tokens: [
      { id: TOKENS.root, accessor: "acc-root", displayName: "root", policies: ["root"], ttlSeconds: 0 },
      { id: TOKENS.readonly, accessor: "acc-readonly", displayName: "token-radius", policies: ["radius-readonly"], ttlSeconds: 86400, meta: { app: "radius" } },
      { id: TOKENS.writer, accessor: "acc-writer", displayName: "token-writer", policies: ["kv-writer"], ttlSeconds: 3600 },
      { id: TOKENS.nobody, accessor: "acc-nobody", displayName: "token-nobody", policies: [], ttlSeconds: 3600 },
    ],
    mounts: [
      {
        type: "kv", path: "kv", version: 2, accessor: "kv_aedd93c1", description: "team secrets",
        secrets: [
          secret("payments/prod/stripe", { customMetadata: { owner: "payments" }, currentVersion: 2, versions: {
            "1": { createdTime: t, deletionTime: "", destroyed: false },
            "2": { createdTime: t, deletionTime: "", destroyed: false },
          } }),
          secret("payments/prod/adyen"),
          secret("payments"),
          secret("web/deleted", { versions: { "1": { createdTime: t, deletionTime: "2025-03-02T00:00:00Z", destroyed: false } } }),
        ],
      },
      { type: "kv", path: "kv1", version: 1, accessor: "kv_11111111", description: "legacy", secrets: [secret("app/config")] },
      {
        type: "database", path: "database", accessor: "database_2b9b5c1e", description: "",
        connections: [{ name: "payments-db", pluginName: "postgresql-database-plugin", connectionUrl: "postgresql://{{username}}:{{password}}@db:5432/app", allowedRoles: ["payments-api"], username: "vault", password: CANARY }],
        roles: [{ name: "payments-api", dbName: "payments-db", defaultTtl: 3600, maxTtl: 86400, creationStatements: ["CREATE ROLE \"{{name}}\";"] }],
        staticRoles: [{ name: "reporting", dbName: "payments-db", username: "reporting", rotationPeriod: 86400, lastVaultRotation: t, password: CANARY }],
      },
      { type: "aws", path: "aws", accessor: "aws_3c4d5e6f", description: "", roles: [{ name: "deploy", credentialType: "assumed_role", policyArns: [], roleArns: ["arn:aws:iam::123456789012:role/deploy"], defaultStsTtl: 900, maxStsTtl: 3600 }] },
      {
        type: "pki", path: "pki", accessor: "pki_9a8b7c6d", description: "internal CA",
        pki: {
          issuers: [{ id: "3dc79a5a-7a6c-70e2-1123-94b88557ba12", name: "root-x1", keyId: "5e5e5e5e-0000-0000-0000-000000000001", certificatePem: certs.ca, caChainPem: [] }],
          roles: [{ name: "web", allowedDomains: ["acme.test"], allowSubdomains: true, maxTtl: 2592000, ttl: 86400, keyType: "ec", keyBits: 256 }],
          certificates: [
            { serial: "17:67", certificatePem: certs.web, issuerId: "3dc79a5a-7a6c-70e2-1123-94b88557ba12", revokedAt: null, role: "web" },
            { serial: "26:0f", certificatePem: certs.old, issuerId: "3dc79a5a-7a6c-70e2-1123-94b88557ba12", revokedAt: "2025-07-01T12:00:00Z", role: "web" },
          ],
          crl: { thisUpdate: "2025-07-01T12:00:00Z", nextUpdate: "2025-07-04T12:00:00Z" },
        },
      },
      { type: "transit", path: "transit", accessor: "transit_00000001", description: "", keys: ["orders"] },
    ],
    authMounts: [
      { path: "kubernetes", type: "kubernetes", accessor: "auth_kubernetes_26e36b22", description: "", kubernetesRoles: [{ name: "payments-api", boundServiceAccountNames: ["payments"], boundServiceAccountNamespaces: ["prod"], audience: "vault", ...tokenFields }] },
      { path: "jwt", type: "jwt", accessor: "auth_jwt_7d7d7d7d", description: "", jwtRoles: [{ name: "CI-deploy", roleType: "jwt", boundAudiences: ["https://github.com/acme"], boundClaims: { repository: "acme/payments" }, boundSubject: "", userClaim: "sub", groupsClaim: "", allowedRedirectUris: [], ...tokenFields }] },
      { path: "approle", type: "approle", accessor: "auth_approle_5a5a5a5a", description: "", appRoles: [{ name: "batch", roleId: "c1f0a1b2-0000-4000-8000-000000000001", bindSecretId: true, secretIdTtl: 600, secretIdBoundCidrs: [], ...tokenFields }] },
    ],
    policies: { "radius-readonly": READONLY_POLICY, "kv-writer": WRITER_POLICY, "payments-read": `path "kv/data/payments/*" { capabilities = ["read"] }` },
    identityGroups: [
      { id: "g-1", name: "payments-team", type: "internal", policies: ["payments-read"], memberEntityIds: ["e-1", "e-2"], memberGroupIds: [], metadata: null, alias: null },
      { id: "g-2", name: "oidc-admins", type: "external", policies: ["admin"], memberEntityIds: [], memberGroupIds: ["g-1"], metadata: { team: "sre" }, alias: { id: "ga-1", name: "admins", mountAccessor: "auth_jwt_7d7d7d7d" } },
    ],
    leases: [
      { id: "database/creds/payments-api/abc123", issueTime: t, expireTime: "2099-01-01T00:00:00Z", lastRenewal: null, renewable: true },
      { id: "database/creds/payments-api/def456", issueTime: t, expireTime: "2099-01-01T00:00:00Z", lastRenewal: t, renewable: true },
      { id: "auth/kubernetes/login/h1", issueTime: t, expireTime: "2099-01-01T00:00:00Z", lastRenewal: null, renewable: true },
    ],
    auditDevices: [{ path: "file", type: "file", description: "", options: { file_path: "/var/log/vault_audit.log" } }],
  };
}
