"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/lib/auth/guard";
import { getRequestContext } from "@/lib/auth/request-context";
import { toErrorBody } from "@/lib/errors";
import { ZodError } from "zod";
import { detectionContext } from "./app-context";
import { acknowledgeAlert, assignAlert, resolveAlert } from "./service";
import type { TriageState } from "./schemas";

/** Triage forms (useActionState): check "alerts.triage", call the service, say what happened. */
async function run(formData: FormData, change: (ctx: ReturnType<typeof detectionContext>, id: string) => Promise<unknown>, message: string): Promise<TriageState> {
  const id = String(formData.get("id") ?? "");
  try {
    const user = await authorizeAction("alerts.triage");
    await change(detectionContext(user, await getRequestContext()), id);
    revalidatePath("/alerts");
    revalidatePath(`/alerts/${id}`);
    return { ok: true, message };
  } catch (error) {
    if (error instanceof ZodError) {
      const fieldErrors = Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
      return { ok: false, error: "Check the highlighted field.", fieldErrors };
    }
    const body = toErrorBody(error).body.error;
    const field = (body.details as { field?: string } | undefined)?.field;
    return { ok: false, error: body.message, ...(field ? { fieldErrors: { [field]: body.message } } : {}) };
  }
}

export async function acknowledgeAlertAction(_previous: TriageState, formData: FormData): Promise<TriageState> {
  return run(formData, (ctx, id) => acknowledgeAlert(ctx, { id }), "Acknowledged.");
}

export async function resolveAlertAction(_previous: TriageState, formData: FormData): Promise<TriageState> {
  return run(formData, (ctx, id) => resolveAlert(ctx, { id, note: String(formData.get("note") ?? "") }), "Resolved.");
}

export async function assignAlertAction(_previous: TriageState, formData: FormData): Promise<TriageState> {
  return run(formData, (ctx, id) => assignAlert(ctx, { id, assignee: String(formData.get("assignee") ?? "") }), "Assignee saved.");
}
