import "server-only";
/**
 * change_requests rows -> the views the pages get (plain, serialisable). Stored JSON is read back
 * through zod: it was written by this module, but a hand-edited row must not crash a page.
 */
import { z } from "zod";
import type { ChangeRequestListRow, ChangeRequestRow, ChangeRequestStatusValue } from "./repository";
import { changeInputSchema, CHANGE_KINDS, type AccessDelta, type ChangeKind, type ChangeRequestDetailView, type ChangeRequestView, type ChangeStatus, type RenderedFile } from "./schemas";

/** The database says "submitted" for an open pull request. */
export function toViewStatus(status: ChangeRequestStatusValue): ChangeStatus {
  return status === "submitted" ? "open" : status;
}

export function toDbStatus(status: ChangeStatus): ChangeRequestStatusValue {
  return status === "open" ? "submitted" : status;
}

export function toChangeView(row: ChangeRequestListRow): ChangeRequestView {
  return {
    id: row.id,
    kind: (CHANGE_KINDS as readonly string[]).includes(row.kind) ? (row.kind as ChangeKind) : "secret.create",
    title: row.title || row.kind,
    requesterEmail: row.requesterEmail,
    reason: row.reason,
    status: toViewStatus(row.status),
    provider: row.provider,
    branch: row.branch,
    prUrl: row.prUrl,
    prNumber: row.prNumber,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    approvedBy: row.approvedBy,
    error: row.error,
    cluster: row.cluster,
  };
}

const filesSchema = z.array(z.object({ path: z.string(), before: z.string().nullable(), after: z.string() }));
const deltaEntry = z.object({ identityKey: z.string(), capabilities: z.array(z.string()), policy: z.string().optional(), rule: z.string().optional() });
const deltaSchema = z.object({
  gains: z.array(deltaEntry.extend({ secretKey: z.string(), policy: z.string().catch(""), rule: z.string().catch("") })).catch([]),
  losses: z.array(deltaEntry.extend({ secretKey: z.string() })).catch([]),
  newPaths: z.array(deltaEntry.extend({ dataPath: z.string() })).catch([]),
  evaluatedIdentities: z.number().optional(),
  truncated: z.object({ gains: z.number(), losses: z.number(), newPaths: z.number() }).optional(),
});

export const EMPTY_DELTA: AccessDelta = { gains: [], losses: [], newPaths: [] };

export function toChangeDetailView(row: ChangeRequestRow): ChangeRequestDetailView | null {
  const payload = changeInputSchema.safeParse(row.payload);
  if (!payload.success) return null;
  const files = filesSchema.safeParse(row.renderedFiles);
  const delta = deltaSchema.safeParse(row.delta);
  return {
    ...toChangeView(row),
    kind: payload.data.kind,
    payload: payload.data,
    files: files.success ? (files.data as RenderedFile[]) : [],
    diff: row.diff,
    delta: delta.success ? delta.data : EMPTY_DELTA,
    body: row.body,
    baseBranch: row.baseBranch,
    commit: row.commit,
  };
}
