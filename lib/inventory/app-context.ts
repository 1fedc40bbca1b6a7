import "server-only";
import type { CurrentUser } from "@/lib/auth/user";
import { db } from "@/lib/db/client";
import type { InventoryContext } from "./context";

/** The context pages and route handlers use: the app's database client and the signed-in user. */
export function inventoryContext(user: CurrentUser): InventoryContext {
  return { db, user };
}
