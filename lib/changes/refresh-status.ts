import "server-only";
/**
 * Pull request status flowing back: polled through provider.getStatus (refreshChangeStatus for one
 * request, refreshOpenChangeStatuses for the scheduler) or pushed by a forge webhook
 * (applyForgeEvent). A merged request stays merged; draft and failed requests have no PR to follow.
 */
import { z } from "zod";
import type { DbClient } from "@/lib/db/create-client";
import { assertCan, type ChangesContext } from "./context";
import type { ChangeProvider, PullRequestState } from "./providers/types";
import { findChangeRequestById, findChangeRequestsByPullRequest, findOpenChangeRequests, updateChangeRequest, updateChangeStatusFrom, type ChangeRequestStatusValue } from "./repository";
import type { ChangeRequestDetailView } from "./schemas";
import { toChangeDetailView } from "./views";

const FOLLOWED: ChangeRequestStatusValue[] = ["submitted", "closed"];
const TO_DB: Record<PullRequestState, ChangeRequestStatusValue> = { open: "submitted", merged: "merged", closed: "closed" };

export async function refreshChangeStatus(ctx: Pick<ChangesContext, "db" | "user" | "provider">, id: string): Promise<ChangeRequestDetailView | null> {
  assertCan(ctx, "changes.read");
  if (!z.string().uuid().safeParse(id).success) return null;
  const row = await findChangeRequestById(ctx.db, id);
  if (!row) return null;
  if (row.provider === ctx.provider.name && row.prNumber !== null && row.branch && FOLLOWED.includes(row.status)) {
    const status = await ctx.provider.getStatus({ provider: row.provider, number: row.prNumber, url: row.prUrl ?? "", branch: row.branch, commit: row.commit ?? "" });
    await updateChangeStatusFrom(ctx.db, id, FOLLOWED, { status: TO_DB[status.state], approvedBy: status.approvedBy, statusCheckedAt: new Date() });
  }
  const fresh = await findChangeRequestById(ctx.db, id);
  return fresh ? toChangeDetailView(fresh) : null;
}

export interface RefreshSummary {
  checked: number;
  changed: number;
  failed: number;
}

/**
 * Polls the open requests of the configured provider (least recently checked first, `limit` per
 * call). Without a provider, the app's (from the environment) is used.
 */
export async function refreshOpenChangeStatuses(db: DbClient, provider?: ChangeProvider, options: { limit?: number } = {}): Promise<RefreshSummary> {
  const forge = provider ?? (await import("./app-context")).appChangeProvider();
  const rows = await findOpenChangeRequests(db, forge.name, options.limit ?? 50);
  const summary: RefreshSummary = { checked: 0, changed: 0, failed: 0 };
  for (const row of rows) {
    summary.checked++;
    try {
      const status = await forge.getStatus({ provider: forge.name, number: row.prNumber as number, url: row.prUrl ?? "", branch: row.branch as string, commit: row.commit ?? "" });
      const next = TO_DB[status.state];
      summary.changed += next === "submitted" ? 0 : await updateChangeStatusFrom(db, row.id, ["submitted"], { status: next, approvedBy: status.approvedBy, statusCheckedAt: new Date() });
      if (next === "submitted") await updateChangeRequest(db, row.id, { approvedBy: status.approvedBy, statusCheckedAt: new Date() });
    } catch {
      summary.failed++;
      await updateChangeRequest(db, row.id, { statusCheckedAt: new Date() }); // do not retry this one first next time
    }
  }
  return summary;
}

export const forgeEventSchema = z.object({
  provider: z.enum(["github", "gitlab", "local"]),
  number: z.number().int().positive(),
  state: z.enum(["open", "merged", "closed"]).optional(),
  /** The full list of approvers as the forge reports it (replaces the stored one). */
  approvedBy: z.array(z.string().min(1).max(200)).max(100).optional(),
});
export type ForgeEvent = z.input<typeof forgeEventSchema>;

/** A webhook delivery (already authenticated by its route). Returns how many requests changed. */
export async function applyForgeEvent(db: DbClient, event: ForgeEvent): Promise<{ updated: number }> {
  const e = forgeEventSchema.parse(event);
  let updated = 0;
  for (const row of await findChangeRequestsByPullRequest(db, e.provider, e.number)) {
    const data = { ...(e.state ? { status: TO_DB[e.state] } : {}), ...(e.approvedBy ? { approvedBy: e.approvedBy } : {}), statusCheckedAt: new Date() };
    updated += await updateChangeStatusFrom(db, row.id, FOLLOWED, data);
  }
  return { updated };
}
