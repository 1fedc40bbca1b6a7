import { z } from "zod";

/**
 * Search params of the health page's two tables and their CSV routes: one schema per table,
 * shared by the page, the API and the client. Bounded values only. Safe for the client.
 */

export const PAGE_SIZES = [25, 50, 100, 200] as const;
const text = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().refine((n) => (PAGE_SIZES as readonly number[]).includes(n), "one of 25, 50, 100, 200").default(50);
const dir = z.enum(["asc", "desc"]).optional();
const format = z.enum(["json", "csv"]).default("json");
/** Expires within this many days (0 = already expired or today). */
const days = z.coerce.number().int().min(0).max(3_650).optional();

export const LEASE_STATUSES = ["renewal-failure", "expired", "expiring", "orphaned", "healthy"] as const;
export type LeaseStatus = (typeof LEASE_STATUSES)[number];
export const LEASE_SORTS = ["expires", "lease", "mount", "issued", "renewed"] as const;
export type LeaseSort = (typeof LEASE_SORTS)[number];

export const leaseListSchema = z.object({
  q: text(200),
  mount: text(200),
  role: text(200),
  team: text(100),
  environment: text(100),
  status: z.enum(LEASE_STATUSES).optional(),
  days,
  sort: z.enum(LEASE_SORTS).default("expires"),
  dir,
  page,
  pageSize,
  format,
});
export type LeaseListParams = z.output<typeof leaseListSchema>;

export const CERTIFICATE_STATUSES = ["expiring", "expired", "revoked", "weak", "valid"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const CERTIFICATE_SORTS = ["expires", "name", "mount", "role", "key"] as const;
export type CertificateSort = (typeof CERTIFICATE_SORTS)[number];

export const certificateListSchema = z.object({
  q: text(200),
  mount: text(200),
  role: text(200),
  team: text(100),
  environment: text(100),
  status: z.enum(CERTIFICATE_STATUSES).optional(),
  days,
  sort: z.enum(CERTIFICATE_SORTS).default("expires"),
  dir,
  page,
  pageSize,
  format,
});
export type CertificateListParams = z.output<typeof certificateListSchema>;

export const HEALTH_VIEWS = ["leases", "certificates"] as const;
export type HealthView = (typeof HEALTH_VIEWS)[number];

/** Thresholds, named once: the page, the alerts and the tests agree on them. */
export const LEASE_EXPIRING_SECONDS = 3_600;
export const CERTIFICATE_EXPIRING_DAYS = 7;
