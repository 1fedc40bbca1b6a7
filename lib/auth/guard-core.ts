import type { NextRequest } from "next/server";
import { AppError, toHttpResponse } from "@/lib/errors";
import { can, type Permission } from "./permissions";
import type { CurrentUser } from "./user";

/** Where the guards get the current user from; injected so tests exercise the real guard code. */
export type UserSource = () => Promise<CurrentUser | null>;

export type RouteParams = Record<string, string | string[] | undefined>;

export interface ApiContext<P extends RouteParams> {
  user: CurrentUser;
  params: P;
}

export type ApiHandler<P extends RouteParams> = (req: NextRequest, ctx: ApiContext<P>) => Promise<Response> | Response;

/** What Next.js passes a route handler as its second argument. */
export interface RouteContext<P extends RouteParams> {
  params: Promise<P>;
}

/**
 * What a guarded entry point requires: a permission from the table, or only a signed-in user
 * (for "who am I" endpoints that expose nothing but the caller's own identity).
 */
export const AUTHENTICATED = "authenticated";
export type Requirement = Permission | typeof AUTHENTICATED;

export type PermissionCheck =
  | { outcome: "allowed"; user: CurrentUser }
  | { outcome: "unauthenticated" }
  | { outcome: "forbidden"; user: CurrentUser };

export async function checkPermission(getUser: UserSource, requirement: Requirement): Promise<PermissionCheck> {
  const user = await getUser();
  if (!user) return { outcome: "unauthenticated" };
  if (requirement !== AUTHENTICATED && !can(user.roles, requirement)) return { outcome: "forbidden", user };
  return { outcome: "allowed", user };
}

/**
 * Wraps a route handler so it cannot skip authorisation or error mapping: anonymous -> 401,
 * wrong role -> 403, anything thrown -> toHttpResponse (never leaks internals).
 */
export function createWithApiAuth(getUser: UserSource) {
  return function withApiAuth<P extends RouteParams = RouteParams>(requirement: Requirement, handler: ApiHandler<P>) {
    return async function guardedRouteHandler(req: NextRequest, ctx: RouteContext<P>): Promise<Response> {
      try {
        const check = await checkPermission(getUser, requirement);
        if (check.outcome === "unauthenticated") throw new AppError("unauthenticated");
        if (check.outcome === "forbidden") throw new AppError("forbidden");
        const params = ((await ctx?.params) ?? {}) as P;
        return await handler(req, { user: check.user, params });
      } catch (error) {
        return toHttpResponse(error);
      }
    };
  };
}

/** For server actions: returns the user or throws AppError("unauthenticated" | "forbidden"). */
export function createAuthorizeAction(getUser: UserSource) {
  return async function authorizeAction(requirement: Requirement): Promise<CurrentUser> {
    const check = await checkPermission(getUser, requirement);
    if (check.outcome === "unauthenticated") throw new AppError("unauthenticated");
    if (check.outcome === "forbidden") throw new AppError("forbidden");
    return check.user;
  };
}

/**
 * Only same-origin destinations survive as a post-sign-in redirect (no open redirects): a relative
 * path, or an absolute URL on `origin` (next-auth passes those), reduced to its path.
 */
export function safeCallbackPath(value: string | null | undefined, fallback = "/", origin?: string): string {
  if (!value || /[\u0000-\u001f\\]/.test(value)) return fallback;
  if (origin && /^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      if (url.origin !== new URL(origin).origin) return fallback;
      value = url.pathname + url.search + url.hash;
    } catch {
      return fallback;
    }
  }
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  return value;
}

export function signInPath(callbackPath: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackPath))}`;
}
