import "server-only";
import type { RequestContext } from "@/lib/auth/request-context";
import type { CurrentUser } from "@/lib/auth/user";
import { changesContext, createChangeRequest } from "@/lib/changes";
import { db } from "@/lib/db/client";
import type { ReviewContext } from "./context";
import { signInDirectory } from "./directory-repository";
import type { RevocationOpener } from "./revocation";

/**
 * A revoke decision opens its pull request through lib/changes. Set to false to record revokes
 * with a "revocation pending" marker only (e.g. while no forge is configured); pending ones can be
 * opened later with retryRevocation.
 */
export const REVOCATION_PULL_REQUESTS = true;

function changesRevocation(user: CurrentUser, request?: RequestContext): RevocationOpener {
  return async (input) => {
    const result = await createChangeRequest(changesContext(user, request), input);
    if (result.ok) return { status: "opened", changeId: result.id, prUrl: result.prUrl };
    if (result.fieldErrors) return { status: "failed", changeId: null, error: Object.values(result.fieldErrors).join("; ") };
    return { status: "failed", changeId: result.id ?? null, error: result.error };
  };
}

/** The context pages, route handlers and actions use. */
export function reviewContext(user: CurrentUser, request?: RequestContext): ReviewContext {
  return {
    db,
    user,
    directory: signInDirectory(db),
    request,
    openRevocation: REVOCATION_PULL_REQUESTS ? changesRevocation(user, request) : undefined,
  };
}
