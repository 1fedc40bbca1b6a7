import "server-only";
import { redirect } from "next/navigation";
import { requireUser, type CurrentUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";

/**
 * Review pages: readers ("reviews.read") and reviewers ("reviews.decide", who see only what is
 * assigned to them) get in; anyone else goes to /forbidden. The services check again.
 */
export async function requireReviewsPage(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.roles, "reviews.read") && !can(user.roles, "reviews.decide")) redirect("/forbidden");
  return user;
}
