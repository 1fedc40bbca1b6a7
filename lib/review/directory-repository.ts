import "server-only";
import { isRole } from "@/lib/auth/roles";
import type { DbClient } from "@/lib/db/create-client";
import type { ReviewerCandidate, ReviewerDirectory } from "./directory";

/**
 * The portal's own knowledge of its users' SSO groups: the groups each user's identity provider
 * sent at their most recent sign-in (recorded in the portal audit trail by lib/auth), and the
 * roles of that sign-in. A user who never signed in is unknown, so their team falls back to the
 * campaign's creator. One row per user, via the (action, time) index.
 */
export async function findSignedInUsers(db: DbClient): Promise<ReviewerCandidate[]> {
  const rows = await db.$queryRaw<{ email: string; name: string | null; groups: unknown; roles: string[] }[]>`
    SELECT DISTINCT ON (l.actor_email) l.actor_email AS email, u.name, l.details -> 'groups' AS groups, l.actor_roles AS roles
    FROM portal_audit_log l LEFT JOIN users u ON u.email = l.actor_email
    WHERE l.action = 'auth.sign_in'
    ORDER BY l.actor_email, l.id DESC`;
  return rows.map((r) => ({
    email: r.email,
    name: r.name,
    groups: Array.isArray(r.groups) ? r.groups.filter((g): g is string => typeof g === "string") : [],
    roles: r.roles.filter(isRole),
  }));
}

/** The app's directory: read once per use case (a campaign creation or a page), never cached across requests. */
export function signInDirectory(db: DbClient): ReviewerDirectory {
  let users: Promise<ReviewerCandidate[]> | null = null;
  return { listUsers: () => (users ??= findSignedInUsers(db)) };
}
