/**
 * Access-review input and search params: one zod schema each, shared by the forms (field-level
 * messages), the server actions, the route handlers and the services (which parse again). Safe for
 * the client (no server imports).
 */
import { z } from "zod";

/** C0/C1 controls and bidirectional/invisible formatting: they make a record read differently from what it says. */
const INVISIBLE_OR_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters`)
    .refine((v) => !INVISIBLE_OR_CONTROL.test(v), `${label}: no control characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Which grants a campaign covers; every field narrows (AND), none means every grant. */
export const reviewScopeSchema = z.object({
  environment: optionalText(100, "Environment"),
  /** The secret's owner team, "payments" or "team-payments" (both match either spelling). */
  team: optionalText(100, "Team"),
  /** "<cluster>:<mount>" or "<mount>". */
  mount: optionalText(200, "Mount"),
  classification: optionalText(100, "Classification"),
});
export type ReviewScope = z.output<typeof reviewScopeSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

export const createCampaignSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(3, "Name: at least 3 characters")
      .max(120, "Name: at most 120 characters")
      .refine((v) => !INVISIBLE_OR_CONTROL.test(v), "Name: no control characters"),
    /** A date ("2026-12-31", the end of that day UTC) or an ISO time. */
    deadline: z
      .string({ message: "Choose a deadline" })
      .trim()
      .min(1, "Choose a deadline")
      .transform((v, ctx) => {
        const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T23:59:59.999Z` : v);
        if (Number.isNaN(date.getTime())) {
          ctx.addIssue({ code: "custom", message: "Not a date" });
          return z.NEVER;
        }
        return date;
      }),
  })
  .extend(reviewScopeSchema.shape);
export type CreateCampaignInput = z.output<typeof createCampaignSchema>;

/** The deadline rule needs "now", so it is checked apart from the shape (tests pin the clock). */
export function deadlineProblem(deadline: Date, now: Date): string | null {
  if (deadline.getTime() <= now.getTime()) return "The deadline must be in the future";
  if (deadline.getTime() > now.getTime() + 366 * DAY_MS) return "The deadline must be within a year";
  return null;
}

export const REVIEW_OUTCOMES = ["keep", "revoke"] as const;
export type DecisionOutcome = (typeof REVIEW_OUTCOMES)[number];

export const decideSchema = z.object({
  decisionId: z.string().uuid("Not a decision id"),
  outcome: z.enum(REVIEW_OUTCOMES, { message: "Choose keep or revoke" }),
  justification: z
    .string({ message: "Give a justification" })
    .trim()
    .min(10, "Justification: at least 10 characters")
    .max(2000, "Justification: at most 2000 characters")
    .refine((v) => !INVISIBLE_OR_CONTROL.test(v), "Justification: no control characters"),
});
export type DecideInput = z.output<typeof decideSchema>;

export const PAGE_SIZES = [25, 50, 100, 200] as const;
const filterText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

/** The decisions table of one campaign: filters in the URL. `reviewer` "me" = the signed-in user. */
export const decisionListSchema = z.object({
  reviewer: filterText(320),
  outcome: z.enum(["pending", "keep", "revoke"]).optional(),
  team: filterText(100),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), "one of 25, 50, 100, 200")
    .default(50),
});
export type DecisionListParams = z.output<typeof decisionListSchema>;

export const campaignListSchema = z.object({
  status: z.enum(["open", "closed"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type CampaignListParams = z.output<typeof campaignListSchema>;

export const reportFormatSchema = z.object({ format: z.enum(["csv", "pdf"]).default("csv") });

export const reviewIdSchema = z.string().uuid("Not a campaign id");

/** Field -> first message, for forms (client and server render the same messages). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.map(String).join(".") || "_form"] ??= issue.message;
  return out;
}
