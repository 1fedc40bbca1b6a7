import "server-only";
import { assertCan, type ChangesContext } from "./context";
import { changeListSchema, type ChangeRequestPage } from "./list-schema";
import { findChangeRequestById, findChangeRequestPage } from "./repository";
import type { ChangeRequestDetailView } from "./schemas";
import { toChangeDetailView, toChangeView, toDbStatus } from "./views";

/**
 * Change requests, newest first. Everyone with changes.read sees all of them (they become pull
 * requests anyone in the organisation can read); scope "mine" narrows to the caller's own.
 */
export async function listChangeRequests(ctx: Pick<ChangesContext, "db" | "user">, params: unknown): Promise<ChangeRequestPage> {
  assertCan(ctx, "changes.read");
  const p = changeListSchema.parse(params ?? {});
  const { rows, total } = await findChangeRequestPage(ctx.db, { requesterEmail: p.scope === "mine" ? ctx.user.email : undefined, status: p.status ? toDbStatus(p.status) : undefined }, p.page, p.pageSize);
  return { rows: rows.map(toChangeView), total, page: p.page, pageSize: p.pageSize };
}

/** One change request with its files, diff, delta and PR body; null when absent (or not a UUID). */
export async function getChangeRequest(ctx: Pick<ChangesContext, "db" | "user">, id: string): Promise<ChangeRequestDetailView | null> {
  assertCan(ctx, "changes.read");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const row = await findChangeRequestById(ctx.db, id);
  return row ? toChangeDetailView(row) : null;
}
