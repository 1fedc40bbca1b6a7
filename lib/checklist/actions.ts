"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/lib/auth/guard";
import { toActionFailure, type ActionFailure } from "@/lib/errors";
import { checklistContext } from "./app-context";
import { attestChecklistItem } from "./attest";

export type AttestResult = { ok: true } | ActionFailure;

/** Form action of the attestation form (admin, checklist.attest); the service audits it. */
export async function attestChecklistItemAction(_previous: AttestResult | null, form: FormData): Promise<AttestResult> {
  try {
    const user = await authorizeAction("checklist.attest");
    await attestChecklistItem(checklistContext(user), {
      item: String(form.get("item") ?? "") as never,
      outcome: String(form.get("outcome") ?? "") as never,
      statement: String(form.get("statement") ?? ""),
      performedAt: String(form.get("performedAt") ?? ""),
      evidenceUrl: String(form.get("evidenceUrl") ?? ""),
    });
    revalidatePath("/");
    return { ok: true };
  } catch (error) {
    return toActionFailure(error);
  }
}
