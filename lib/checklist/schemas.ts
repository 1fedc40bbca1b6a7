import { z } from "zod";
import { ATTESTABLE_ITEMS } from "./items";

/** Input of the "attest" server action (checklist.attest). */
export const attestationInputSchema = z.object({
  item: z.enum(ATTESTABLE_ITEMS),
  outcome: z.enum(["pass", "fail"]),
  statement: z.string().trim().min(10, "say what was checked, in at least 10 characters").max(2000),
  // yyyy-mm-dd from a date input; required for the runbook (the test date is the fact).
  performedAt: z.iso.date().optional().or(z.literal("").transform(() => undefined)),
  evidenceUrl: z.url({ protocol: /^https?$/ }).max(2000).optional().or(z.literal("").transform(() => undefined)),
}).refine((v) => v.item !== "rotation-runbook" || v.performedAt !== undefined, { path: ["performedAt"], message: "the date of the runbook test is required" });

export type AttestationInput = z.input<typeof attestationInputSchema>;
