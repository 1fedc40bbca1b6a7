import { z } from "zod";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "@/lib/inventory/schemas";
import { DRIFT_KINDS, DRIFT_STATUSES } from "./types";

/**
 * Search params of the drift list, shared by the page, the JSON/CSV API and the client. Bounded
 * like the inventory lists', so a hand-edited URL cannot ask for anything unreasonable. Safe for
 * the client (no server imports).
 */

const text = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

export const DRIFT_SORTS = ["kind", "name", "status", "file"] as const;
export type DriftSort = (typeof DRIFT_SORTS)[number];

export const driftListSchema = z.object({
  q: text(200),
  kind: z.enum(DRIFT_KINDS).optional(),
  status: z.enum(DRIFT_STATUSES).optional(),
  sort: z.enum(DRIFT_SORTS).default("kind"),
  dir: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().refine((n) => (PAGE_SIZES as readonly number[]).includes(n), "one of 25, 50, 100, 200").default(DEFAULT_PAGE_SIZE),
  format: z.enum(["json", "csv"]).default("json"),
});
export type DriftListParams = z.output<typeof driftListSchema>;

/** drift_items.differences is JSON written by the sync: read back through this, never trusted as is. */
export const driftDifferencesSchema = z.array(z.object({
  field: z.string(),
  live: z.string().nullable(),
  terraform: z.string().nullable(),
  text: z.string(),
}));

export const driftComparedSchema = z.object({
  policy: z.number().int().nonnegative().default(0),
  "auth-role": z.number().int().nonnegative().default(0),
  mount: z.number().int().nonnegative().default(0),
});

/** Words for the filters, the tiles and the CSV. */
export const DRIFT_KIND_LABEL: Record<(typeof DRIFT_KINDS)[number], string> = { policy: "Policy", "auth-role": "Auth role", mount: "Mount" };
export const DRIFT_STATUS_LABEL: Record<(typeof DRIFT_STATUSES)[number], string> = {
  "vault-only": "Vault only (click-ops)",
  "terraform-only": "Terraform only (not applied)",
  different: "Different",
};
