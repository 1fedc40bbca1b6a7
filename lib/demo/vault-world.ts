/**
 * The contents of one Vault cluster as the stand-in serves it.
 *
 * This is the contract between the demo organisation generator (which builds it, deterministically)
 * and the Vault stand-in (which serves it over Vault's real HTTP API). Nothing in the portal imports
 * this type: the portal only ever learns about Vault through HTTP, as it would with a real cluster.
 *
 * Times are ISO-8601 strings (UTC) so a world can be written to and read from JSON unchanged.
 */

export type Iso = string;

export interface VaultWorld {
  clusterName: string;
  clusterId: string;
  version: string; // e.g. "1.18.3"
  sealed: boolean;
  /** Tokens the stand-in accepts. A token's rights come from its policies ("root" = everything). */
  tokens: VaultToken[];
  /** Secret engine mounts other than the built-ins (sys/, identity/, cubbyhole/ are always there). */
  mounts: VaultMount[];
  /** Auth method mounts other than token/ (always there). */
  authMounts: VaultAuthMount[];
  /** ACL policies by name, raw HCL exactly as written ("root" and "default" are implied if absent). */
  policies: Record<string, string>;
  identityGroups: VaultIdentityGroup[];
  leases: VaultLease[];
  auditDevices: VaultAuditDevice[];
}

export interface VaultToken {
  id: string; // the secret token string, e.g. "hvs.radius-readonly"
  accessor: string;
  displayName: string;
  policies: string[]; // includes "root" for a root token
  ttlSeconds: number; // 0 = never expires
  meta?: Record<string, string>;
}

export type VaultMount =
  | { type: "kv"; path: string; version: 1 | 2; accessor: string; description: string; secrets: KvSecret[] }
  | { type: "database"; path: string; accessor: string; description: string; connections: DbConnection[]; roles: DbRole[]; staticRoles: DbStaticRole[] }
  | { type: "aws"; path: string; accessor: string; description: string; roles: AwsRole[] }
  | { type: "pki"; path: string; accessor: string; description: string; pki: PkiMount }
  | { type: "transit"; path: string; accessor: string; description: string; keys: string[] };

/** `path` of a mount has no trailing slash here ("kv-prod"); the HTTP API adds it ("kv-prod/"). */

export interface KvSecret {
  /** Path below the mount, no leading slash: "payments/prod/stripe". */
  path: string;
  createdTime: Iso;
  updatedTime: Iso;
  currentVersion: number;
  maxVersions: number;
  casRequired: boolean;
  deleteVersionAfter: string; // duration string, "0s" when unset
  customMetadata: Record<string, string> | null;
  versions: Record<string, { createdTime: Iso; deletionTime: Iso | ""; destroyed: boolean }>;
  /** The secret value of the current version. Holds canary strings: the portal must never read it. */
  data: Record<string, string>;
}

export interface DbConnection {
  name: string;
  pluginName: string; // "postgresql-database-plugin"
  connectionUrl: string; // templated, e.g. "postgresql://{{username}}:{{password}}@db:5432/app"
  allowedRoles: string[];
  username: string;
  /** Root password of the connection. Canary: never returned by Vault, never seen by the portal. */
  password: string;
}

export interface DbRole {
  name: string;
  dbName: string;
  defaultTtl: number;
  maxTtl: number;
  creationStatements: string[];
}

export interface DbStaticRole {
  name: string;
  dbName: string;
  username: string;
  rotationPeriod: number; // seconds
  lastVaultRotation: Iso;
  /** Current password: canary, never returned by metadata endpoints. */
  password: string;
}

export interface AwsRole {
  name: string;
  credentialType: "iam_user" | "assumed_role" | "federation_token";
  policyArns: string[];
  roleArns: string[];
  defaultStsTtl: number;
  maxStsTtl: number;
}

export interface PkiMount {
  issuers: PkiIssuer[];
  roles: PkiRole[];
  certificates: PkiCertificate[];
  crl: { thisUpdate: Iso; nextUpdate: Iso };
}

export interface PkiIssuer {
  id: string; // uuid
  name: string;
  keyId: string;
  certificatePem: string;
  caChainPem: string[];
}

export interface PkiRole {
  name: string;
  allowedDomains: string[];
  allowSubdomains: boolean;
  maxTtl: number;
  ttl: number;
  keyType: "rsa" | "ec" | "ed25519";
  keyBits: number;
}

export interface PkiCertificate {
  /** Colon-separated lower-case hex, as Vault lists it: "17:67:16:b0:...". */
  serial: string;
  certificatePem: string;
  issuerId: string;
  /** Revocation time, or null when not revoked. */
  revokedAt: Iso | null;
  /** Which role issued it (not exposed by Vault's API; kept for ground truth). */
  role: string;
}

export interface VaultAuthMount {
  path: string; // "kubernetes-prod" (no trailing slash)
  type: "kubernetes" | "jwt" | "oidc" | "approle" | "userpass";
  accessor: string; // "auth_kubernetes_26e36b22"
  description: string;
  kubernetesRoles?: KubernetesRole[];
  jwtRoles?: JwtRole[];
  appRoles?: AppRole[];
}

interface TokenFields {
  tokenPolicies: string[];
  tokenTtl: number;
  tokenMaxTtl: number;
  tokenType: "default" | "service" | "batch";
}

export interface KubernetesRole extends TokenFields {
  name: string; // lower-case
  boundServiceAccountNames: string[];
  boundServiceAccountNamespaces: string[];
  audience: string;
}

export interface JwtRole extends TokenFields {
  name: string;
  roleType: "jwt" | "oidc";
  boundAudiences: string[];
  boundClaims: Record<string, string | string[]>; // e.g. { repository: "acme/payments", ref: "refs/heads/main" }
  boundSubject: string;
  userClaim: string;
  groupsClaim: string;
  allowedRedirectUris: string[];
}

export interface AppRole extends TokenFields {
  name: string; // lower-case
  roleId: string;
  bindSecretId: boolean;
  secretIdTtl: number;
  secretIdBoundCidrs: string[];
}

export interface VaultIdentityGroup {
  id: string; // uuid
  name: string;
  type: "internal" | "external";
  policies: string[];
  memberEntityIds: string[];
  memberGroupIds: string[];
  metadata: Record<string, string> | null;
  /** External groups: the alias that maps an auth method's group (e.g. an OIDC group claim) to this group. */
  alias: { id: string; name: string; mountAccessor: string } | null;
}

export interface VaultLease {
  /** Full lease id, e.g. "database-prod/creds/payments-api/7fa3c9...". */
  id: string;
  issueTime: Iso;
  expireTime: Iso;
  lastRenewal: Iso | null;
  renewable: boolean;
}

export interface VaultAuditDevice {
  path: string; // "file" (no trailing slash)
  type: "file" | "socket" | "syslog";
  description: string;
  options: Record<string, string>; // e.g. { file_path: "/var/log/vault_audit.log" }
}
