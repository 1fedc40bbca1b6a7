import "server-only";
import { appendPortalAudit } from "@/lib/audit-trail";
import { db } from "@/lib/db/client";
import type { SignInRecord, SignOutRecord } from "./build-options";
import { getRequestContext } from "./request-context";

/**
 * Upserts the User row and appends `auth.sign_in` to the portal audit trail, in one transaction.
 * Called by the jwt callback before the session cookie is issued: if this fails, the sign-in fails.
 */
export async function recordSignIn(record: SignInRecord): Promise<void> {
  const { ip, userAgent } = await getRequestContext();
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.user.upsert({
      where: { email: record.email },
      create: { email: record.email, name: record.name, roles: record.roles, lastSignInAt: now },
      update: { name: record.name, roles: record.roles, lastSignInAt: now },
    });
    await appendPortalAudit(tx, {
      actorEmail: record.email,
      actorRoles: record.roles,
      action: "auth.sign_in",
      target: `user:${record.email}`,
      ip,
      userAgent,
      details: { subject: record.subject, groups: record.groups, noRole: record.roles.length === 0 },
    });
  });
}

/** Appends `auth.sign_out`. */
export async function recordSignOut(record: SignOutRecord): Promise<void> {
  const { ip, userAgent } = await getRequestContext();
  await appendPortalAudit(db, {
    actorEmail: record.email,
    actorRoles: record.roles,
    action: "auth.sign_out",
    target: `user:${record.email}`,
    ip,
    userAgent,
  });
}
