/**
 * What the Vault health collectors produce (lib/sources/vault-health) and the sync writes into a
 * snapshot (lib/health/repository). Field names follow the Prisma Lease / Certificate models; times
 * are ISO strings so records stay plain, serialisable data. Safe for any runtime (no imports).
 */

export interface LeaseRecord {
  cluster: string;
  /** Full lease id as Vault names it: "database-prod/creds/payments-api/7fa3c9...". */
  leaseId: string;
  /** The issuing secret-engine mount ("database-prod"), or the first id segment when unknown. */
  mount: string;
  /** The role under creds/ (or static-creds/), when the id has that shape. */
  role: string | null;
  /** "<cluster>:<mount>/creds/<role>": the dynamic secret in the inventory that issued the lease. */
  secretKey: string | null;
  issueTime: string | null;
  expireTime: string | null;
  lastRenewalAt: string | null;
  /** Remaining seconds as Vault reported them at collect time (0 = no expiry or expired). */
  ttlSeconds: number | null;
  renewable: boolean;
}

export interface CertificateRecord {
  cluster: string;
  /** The PKI mount that issued it ("pki"). */
  issuerMount: string;
  /** Lower-case colon-separated hex, as Vault lists it. */
  serial: string;
  commonName: string | null;
  /** "DNS:a.example", "IP:10.0.0.1", "URI:...", "email:..." */
  sans: string[];
  /** Issuer distinguished name as text ("CN=Acme Services Intermediate CA, O=Acme Commerce"). */
  issuer: string;
  notBefore: string;
  notAfter: string;
  revoked: boolean;
  revokedAt: string | null;
  /** The PKI role that (most plausibly) issued it: Vault does not record this, see infer-role.ts. */
  role: string | null;
  /** rsa | ec | ed25519 | ed448 | dsa ... (Node's asymmetricKeyType). */
  keyType: string | null;
  /** RSA/DSA modulus bits, EC curve size (256 for P-256); null for Ed25519/Ed448. */
  keyBits: number | null;
  /** EC curve name ("prime256v1") when keyType is ec. */
  curve: string | null;
  /** "<cluster>:<mount>/issue/<role>" when the role is known (the PKI role as an inventory secret). */
  secretKey: string | null;
}

export interface IssuerRecord {
  cluster: string;
  mount: string;
  issuerId: string;
  name: string | null;
  commonName: string | null;
  notAfter: string | null;
  isDefault: boolean;
  /** CRL of this mount's default issuer; Vault serves one CRL per issuer, `crl/pem` is the default's. */
  crlThisUpdate: string | null;
  crlNextUpdate: string | null;
}

export interface PkiRoleRecord {
  cluster: string;
  mount: string;
  name: string;
  allowedDomains: string[];
  allowSubdomains: boolean;
  allowBareDomains: boolean;
  allowAnyName: boolean;
  keyType: string | null;
  keyBits: number | null;
  ttlSeconds: number | null;
  maxTtlSeconds: number | null;
}

/** Same shape as lib/sync's SyncProblem: location "<cluster> <METHOD> <path>". */
export interface HealthProblem {
  source: "vault";
  location: string;
  message: string;
  severity: "error" | "warning";
}

export interface HealthRecords {
  leases: LeaseRecord[];
  certificates: CertificateRecord[];
  issuers: IssuerRecord[];
}
