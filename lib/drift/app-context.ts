import "server-only";
import type { CurrentUser } from "@/lib/auth/user";
import { db } from "@/lib/db/client";
import type { DriftContext } from "./context";

/** The context pages and route handlers use: the app's database client and the signed-in user. */
export function driftContext(user: CurrentUser): DriftContext {
  return { db, user };
}
