import "server-only";
import type { RequestContext } from "@/lib/auth/request-context";
import type { CurrentUser } from "@/lib/auth/user";
import { db } from "@/lib/db/client";
import type { DetectionContext } from "./service";

/** The context pages, route handlers and actions use: the app's database. */
export function detectionContext(user: CurrentUser, request?: RequestContext): DetectionContext {
  return { db, user, request };
}
