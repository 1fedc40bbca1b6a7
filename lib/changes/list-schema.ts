import { z } from "zod";
import type { ChangeRequestView } from "./schemas";

/**
 * Search params of /changes. Everyone with changes.read sees every request (they are reviewed in
 * the open, like the pull requests they become); "mine" narrows to the signed-in user's own.
 * Safe for the client.
 */
export const CHANGE_PAGE_SIZES = [10, 25, 50, 100] as const;
export const CHANGE_STATUSES = ["draft", "open", "merged", "closed", "failed"] as const;

export const changeListSchema = z.object({
  scope: z.enum(["mine", "all"]).default("all"),
  status: z.enum(CHANGE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().refine((n) => (CHANGE_PAGE_SIZES as readonly number[]).includes(n), "one of 10, 25, 50, 100").default(25),
});
export type ChangeListParams = z.output<typeof changeListSchema>;

export interface ChangeRequestPage {
  rows: ChangeRequestView[];
  total: number;
  page: number;
  pageSize: number;
}
