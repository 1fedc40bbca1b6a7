import type { CsvColumn } from "@/lib/inventory/csv";
import type { CertificateRow, LeaseRow } from "./types";

/** CSV columns of the two health tables (RFC 4180 and formula-safe cells come from lib/inventory/csv). */
const consumers = (r: { consumers: { key: string }[]; consumerCount: number }) =>
  r.consumers.map((c) => c.key).join(" ") + (r.consumerCount > r.consumers.length ? ` (+${r.consumerCount - r.consumers.length} more)` : "");

export const LEASE_CSV: CsvColumn<LeaseRow>[] = [
  { header: "cluster", value: (r) => r.cluster },
  { header: "lease_id", value: (r) => r.leaseId },
  { header: "mount", value: (r) => r.mount },
  { header: "role", value: (r) => r.role },
  { header: "status", value: (r) => r.status },
  { header: "issue_time", value: (r) => r.issueTime },
  { header: "expire_time", value: (r) => r.expireTime },
  { header: "last_renewal", value: (r) => r.lastRenewalAt },
  { header: "renewable", value: (r) => r.renewable },
  { header: "secret", value: (r) => r.secretKey },
  { header: "team", value: (r) => r.team },
  { header: "environment", value: (r) => r.environment },
  { header: "consumer_count", value: (r) => r.consumerCount },
  { header: "consumers", value: consumers },
];

export const CERTIFICATE_CSV: CsvColumn<CertificateRow>[] = [
  { header: "cluster", value: (r) => r.cluster },
  { header: "mount", value: (r) => r.mount },
  { header: "serial", value: (r) => r.serial },
  { header: "common_name", value: (r) => r.commonName },
  { header: "sans", value: (r) => r.sans.join(" ") },
  { header: "status", value: (r) => r.status },
  { header: "not_before", value: (r) => r.notBefore },
  { header: "not_after", value: (r) => r.notAfter },
  { header: "revoked_at", value: (r) => r.revokedAt },
  { header: "role", value: (r) => r.role },
  { header: "key_type", value: (r) => r.keyType },
  { header: "key_bits", value: (r) => r.keyBits },
  { header: "weak_key", value: (r) => r.weak },
  { header: "secret", value: (r) => r.secretKey },
  { header: "team", value: (r) => r.team },
  { header: "environment", value: (r) => r.environment },
  { header: "consumers", value: consumers },
];
