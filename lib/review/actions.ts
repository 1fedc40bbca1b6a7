"use server";

import { authorizeAction } from "@/lib/auth/guard";
import { getRequestContext } from "@/lib/auth/request-context";
import { toErrorBody } from "@/lib/errors";
import { reviewContext } from "./app-context";
import { closeCampaign } from "./close-campaign";
import { createCampaign } from "./create-campaign";
import { decideGrant, retryRevocation } from "./decide-grant";
import type { CreateCampaignResult, DecideResult } from "./types";

export type ActionState<T> = T | { ok: false; error: string; fieldErrors?: undefined } | null;

const formObject = (form: FormData): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of form) if (!k.startsWith("$") && typeof v === "string" && !(k in out)) out[k] = v;
  return out;
};

const failure = (error: unknown) => ({ ok: false as const, error: toErrorBody(error).body.error.message });

/** The "new campaign" form (useActionState). The service parses and checks again. */
export async function createCampaignAction(_previous: unknown, form: FormData): Promise<ActionState<CreateCampaignResult>> {
  try {
    const user = await authorizeAction("reviews.manage");
    return await createCampaign(reviewContext(user, await getRequestContext()), formObject(form));
  } catch (error) {
    return failure(error);
  }
}

/** One keep/revoke decision, with its justification. */
export async function decideAction(input: { decisionId: string; outcome: string; justification: string }): Promise<ActionState<DecideResult>> {
  try {
    const user = await authorizeAction("reviews.decide");
    return await decideGrant(reviewContext(user, await getRequestContext()), input);
  } catch (error) {
    return failure(error);
  }
}

export async function retryRevocationAction(decisionId: string): Promise<{ ok: true; status: string; error: string | null } | { ok: false; error: string }> {
  try {
    const user = await authorizeAction("reviews.decide");
    const state = await retryRevocation(reviewContext(user, await getRequestContext()), decisionId);
    return { ok: true, status: state.status, error: state.error };
  } catch (error) {
    return failure(error);
  }
}

export async function closeCampaignAction(reviewId: string): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const user = await authorizeAction("reviews.manage");
    await closeCampaign(reviewContext(user, await getRequestContext()), reviewId);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
