import { z } from "zod";
import { ALERT_STATUSES, ALL_RULES, SEVERITIES } from "./catalog";

/** Search params of the alert list, shared by the page, the JSON/CSV API and links. Client-safe. */
export const ALERT_SORTS = ["lastSeen", "firstSeen", "severity", "count", "rule", "status"] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];
export const ALERT_PAGE_SIZES = [25, 50, 100, 200] as const;

const text = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

export const alertListSchema = z.object({
  q: text(200),
  rule: z.enum(ALL_RULES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  status: z.enum(ALERT_STATUSES).optional(),
  // An email, "me" (the caller) or "none" (unassigned).
  assignee: text(320),
  sort: z.enum(ALERT_SORTS).default("lastSeen"),
  dir: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().refine((n) => (ALERT_PAGE_SIZES as readonly number[]).includes(n), "one of 25, 50, 100, 200").default(50),
  format: z.enum(["json", "csv"]).default("json"),
});
export type AlertListParams = z.output<typeof alertListSchema>;

export const alertIdSchema = z.uuid({ error: "not an alert id" });

export const acknowledgeAlertSchema = z.object({ id: alertIdSchema });
export const resolveAlertSchema = z.object({
  id: alertIdSchema,
  note: z.string().trim().min(3, "Say how it was resolved (at least 3 characters)").max(2000, "At most 2,000 characters"),
});
export const assignAlertSchema = z.object({
  id: alertIdSchema,
  // "" unassigns.
  assignee: z.union([z.email({ error: "Choose a person" }).max(320), z.literal("")]),
});
export type AcknowledgeAlertInput = z.input<typeof acknowledgeAlertSchema>;
export type ResolveAlertInput = z.input<typeof resolveAlertSchema>;
export type AssignAlertInput = z.input<typeof assignAlertSchema>;

/** What a triage server action returns to its form. */
export type TriageState = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> } | null;
