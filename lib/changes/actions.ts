"use server";

import { authorizeAction } from "@/lib/auth/guard";
import { getRequestContext } from "@/lib/auth/request-context";
import { toErrorBody } from "@/lib/errors";
import { changesContext } from "./app-context";
import { createChangeRequest } from "./create-change-request";
import { changeInputFromFormData } from "./form-data";
import type { SubmitChangeState } from "./schemas";

/**
 * The change form (useActionState): parse the form, create the request, return field messages,
 * an error, or the new request's id and pull request URL. The service parses and checks again.
 */
export async function submitChangeRequest(_previous: unknown, formData: FormData): Promise<SubmitChangeState> {
  try {
    const user = await authorizeAction("changes.create");
    const result = await createChangeRequest(changesContext(user, await getRequestContext()), changeInputFromFormData(formData));
    if (result.ok) return { ok: true, id: result.id, prUrl: result.prUrl };
    if (result.fieldErrors) return { ok: false, fieldErrors: result.fieldErrors };
    return { ok: false, error: result.error, id: result.id };
  } catch (error) {
    return { ok: false, error: toErrorBody(error).body.error.message };
  }
}
