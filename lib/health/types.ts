/** Plain, serialisable shapes the health page, API and inline status receive (no Prisma types). */
import type { CertificateStatus, LeaseStatus } from "./schemas";

export interface ConsumerRef {
  key: string;
  name: string;
}

export interface LeaseRow {
  cluster: string;
  leaseId: string;
  mount: string;
  role: string | null;
  secretKey: string | null;
  team: string | null;
  environment: string | null;
  issueTime: string | null;
  expireTime: string | null;
  lastRenewalAt: string | null;
  renewable: boolean;
  status: LeaseStatus;
  consumers: ConsumerRef[];
  consumerCount: number;
}

export interface CertificateRow {
  cluster: string;
  mount: string;
  serial: string;
  commonName: string | null;
  sans: string[];
  notBefore: string;
  notAfter: string;
  revoked: boolean;
  revokedAt: string | null;
  role: string | null;
  keyType: string | null;
  keyBits: number | null;
  weak: boolean;
  status: CertificateStatus;
  secretKey: string | null;
  team: string | null;
  environment: string | null;
  consumers: ConsumerRef[];
  consumerCount: number;
}

export interface PageOf<T> {
  rows: T[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export interface CountPoint {
  /** ISO start of the bucket. */
  at: string;
  count: number;
}

export interface TtlBucketRow {
  /** "mount" or "mount · role". */
  label: string;
  expired: number;
  under1h: number;
  under6h: number;
  under24h: number;
  under7d: number;
  over7d: number;
}

export interface WeekBucket {
  /** Weeks from now: -1 = expired within the last week ... 0 = this week. */
  week: number;
  at: string;
  count: number;
  weak: number;
}

export interface IssuerHealth {
  cluster: string;
  mount: string;
  issuerId: string;
  name: string | null;
  commonName: string | null;
  notAfter: string | null;
  isDefault: boolean;
  crlThisUpdate: string | null;
  crlNextUpdate: string | null;
  /** fresh | stale (nextUpdate passed) | unknown (no CRL read for this issuer). */
  crlState: "fresh" | "stale" | "unknown";
}

export interface HealthOverview {
  snapshot: string | null;
  now: string;
  leases: {
    total: number;
    expired: number;
    renewalFailures: number;
    orphaned: number;
    expiringWithin1h: number;
    expiringWithin24h: number;
    byHour: CountPoint[];
    byDay: CountPoint[];
    ttlByMount: TtlBucketRow[];
    ttlByRole: TtlBucketRow[];
    failures: { leaseId: string; secretKey: string | null; expireTime: string | null; consumers: number }[];
  };
  certificates: {
    total: number;
    expiringWithin7d: number;
    expired: number;
    revoked: number;
    weak: number;
    byWeek: WeekBucket[];
    expiring: { cluster: string; mount: string; serial: string; commonName: string | null; notAfter: string; secretKey: string | null }[];
    weakKeys: { cluster: string; mount: string; serial: string; commonName: string | null; keyType: string | null; keyBits: number | null }[];
    issuers: IssuerHealth[];
  };
  facets: { mounts: string[]; teams: string[]; environments: string[]; certMounts: string[]; certRoles: string[] };
}
