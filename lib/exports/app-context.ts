import "server-only";
import type { CurrentUser } from "@/lib/auth/user";
import { getRequestContext } from "@/lib/auth/request-context";
import { appVaultProbe, appWorkflows } from "@/lib/checklist";
import { db } from "@/lib/db/client";
import type { ExportContext } from "./context";

/** The context route handlers and pages use: the app's database, the user and their request. */
export async function exportContext(user: CurrentUser): Promise<ExportContext> {
  return { db, user, request: await getRequestContext(), checklist: { vault: appVaultProbe(), workflows: appWorkflows() } };
}
