import { z } from "zod";
import { isRole, type Role } from "./roles";

/** The signed-in user as the portal sees it: what the session exposes, nothing more. */
export interface CurrentUser {
  email: string;
  name: string;
  roles: Role[];
}

const sessionSchema = z.object({
  user: z.object({
    email: z.string().min(1),
    name: z.string().nullish(),
    roles: z.array(z.unknown()).default([]),
  }),
});

/**
 * The CurrentUser in a next-auth session, or null when there is none or it is malformed (an old
 * cookie, a tampered shape). Unknown role names are dropped rather than trusted.
 */
export function userFromSession(session: unknown): CurrentUser | null {
  const parsed = sessionSchema.safeParse(session);
  if (!parsed.success) return null;
  const { email, name, roles } = parsed.data.user;
  return { email, name: name || email, roles: [...new Set(roles.filter(isRole))] };
}
