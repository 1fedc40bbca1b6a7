import { z } from "zod";

/**
 * Search params of the inventory lists and detail pages: one schema per view, shared by the pages,
 * the JSON API and the client. Every value is bounded so a hand-edited URL cannot ask the database
 * for something unreasonable. Safe for the client (no server imports).
 */

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** Past this many matches the lists say "10,000+" instead of counting every row. */
export const COUNT_CAP = 10_000;

const text = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().refine((n) => (PAGE_SIZES as readonly number[]).includes(n), "one of 25, 50, 100, 200").default(DEFAULT_PAGE_SIZE);
const dir = z.enum(["asc", "desc"]).optional();
const format = z.enum(["json", "csv"]).default("json");

export const SECRET_SORTS = ["path", "score", "readers", "consumers", "propagation", "rotated"] as const;
export type SecretSort = (typeof SECRET_SORTS)[number];

export const secretListSchema = z.object({
  q: text(200),
  mount: text(200), // "<cluster>:<mount>" or "<mount>"
  environment: text(100),
  team: text(100),
  engine: text(50),
  classification: text(100),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  sort: z.enum(SECRET_SORTS).default("score"),
  dir,
  page,
  pageSize,
  format,
});
export type SecretListParams = z.output<typeof secretListSchema>;

export const IDENTITY_KINDS = ["kubernetes", "jwt", "oidc", "approle", "group", "token"] as const;
export const IDENTITY_SORTS = ["key", "kind", "mount", "policies"] as const;
export const identityListSchema = z.object({
  q: text(200),
  kind: z.enum(IDENTITY_KINDS).optional(),
  mount: text(200),
  sort: z.enum(IDENTITY_SORTS).default("key"),
  dir,
  page,
  pageSize,
  format,
});
export type IdentityListParams = z.output<typeof identityListSchema>;

/** The reverse blast radius of one identity is paginated too: platform admins read everything. */
export const identityDetailSchema = z.object({
  q: text(200),
  policy: text(200),
  sort: z.enum(["path", "policy"]).default("path"),
  dir,
  page,
  pageSize,
  format,
});
export type IdentityDetailParams = z.output<typeof identityDetailSchema>;

export const WORKLOAD_KINDS = ["deployment", "statefulset", "daemonset", "cronjob", "job", "ci-job", "other"] as const;
export const WORKLOAD_SORTS = ["name", "kind", "namespace", "team", "consumes"] as const;
export const workloadListSchema = z.object({
  q: text(200),
  kind: z.enum(WORKLOAD_KINDS).optional(),
  namespace: text(200),
  team: text(100),
  sort: z.enum(WORKLOAD_SORTS).default("name"),
  dir,
  page,
  pageSize,
  format,
});
export type WorkloadListParams = z.output<typeof workloadListSchema>;

export const POLICY_SORTS = ["name", "cluster", "rules", "carriers"] as const;
export const policyListSchema = z.object({
  q: text(200),
  cluster: text(200),
  origin: z.enum(["live", "terraform", "both", "live-only", "terraform-only"]).optional(),
  sort: z.enum(POLICY_SORTS).default("name"),
  dir,
  page,
  pageSize,
  format,
});
export type PolicyListParams = z.output<typeof policyListSchema>;

/** Grants a policy decides, paginated like the identity's. */
export const policyDetailSchema = z.object({ q: text(200), page, pageSize, format });
export type PolicyDetailParams = z.output<typeof policyDetailSchema>;

/** Stable keys from URLs (see lib/inventory/urls.ts): bounded, no control characters. */
export const keySchema = z.string().min(1).max(1000).regex(/^[^\u0000-\u001f\u007f]+$/, "no control characters");
