import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import { createAuthorizeAction, createWithApiAuth, safeCallbackPath, signInPath } from "./guard-core";
import { getAuthOptions } from "./options";
import { PATHNAME_HEADER } from "./pathname";
import { userFromSession, type CurrentUser } from "./user";

export type { CurrentUser } from "./user";
export type { ApiContext, ApiHandler, RouteContext } from "./guard-core";

/** The signed-in user (email, name, roles), or null. Reads the session cookie; no network call. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  return userFromSession(await getServerSession(getAuthOptions()));
}

/**
 * Route handlers: `export const GET = withApiAuth("secrets.read", async (req, { user, params }) => ...)`.
 * Anonymous -> 401, wrong role -> 403 (JSON `{ error: { code, message } }`), thrown errors mapped
 * by toHttpResponse.
 */
export const withApiAuth = createWithApiAuth(getCurrentUser);

/** Server actions: `const user = await authorizeAction("changes.create")`; throws AppError. */
export const authorizeAction = createAuthorizeAction(getCurrentUser);

/** The current page path (set by the proxy, see lib/auth/pathname.ts), for the sign-in return. */
async function currentPath(): Promise<string> {
  try {
    return safeCallbackPath((await headers()).get(PATHNAME_HEADER));
  } catch {
    return "/";
  }
}

/** Pages and layouts: anonymous -> /signin?callbackUrl=<here>; returns the user. */
export async function requireUser(options: { returnTo?: string } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(options.returnTo ?? (await currentPath())));
  return user;
}

/**
 * Server components: anonymous -> /signin?callbackUrl=<here>; signed in without the permission
 * (including users with no Radius role) -> /forbidden. Returns the user.
 */
export async function requirePagePermission(permission: Permission, options: { returnTo?: string } = {}): Promise<CurrentUser> {
  const user = await requireUser(options);
  if (!can(user.roles, permission)) redirect("/forbidden");
  return user;
}
