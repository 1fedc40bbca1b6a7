import "server-only";
import type { CurrentUser } from "@/lib/auth/user";
import { db } from "@/lib/db/client";
import type { HealthContext } from "./context";

/** The context pages and route handlers use: the app's database client and the signed-in user. */
export function healthContext(user: CurrentUser): HealthContext {
  return { db, user };
}
