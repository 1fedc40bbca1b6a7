import "server-only";
/**
 * The one write path of the Changes capability. In order, and each step stops the next:
 * 1. parse the input (invalid: field messages, nothing stored);
 * 2. read the active snapshot and the base branch's Terraform files;
 * 3. render and verify the Terraform; compute the delta and check it shows the requested outcome
 *    (a request that cannot be expressed: field messages, nothing stored);
 * 4. store the request (draft) and its portal audit record in one transaction;
 * 5. open the pull request; store open (with its number, URL and commit) or failed (with why).
 * A provider failure at step 2 is stored as a failed request too (and audited).
 */
import { randomUUID } from "node:crypto";
import { appendPortalAudit } from "@/lib/audit-trail";
import type { Prisma } from "@/lib/db/create-client";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { AppError, isAppError } from "@/lib/errors";
import { outcomeProblem } from "./check-outcome";
import { assertCan, type ChangesContext } from "./context";
import { computeAccessDelta, truncateDelta } from "./delta";
import { fieldRejection } from "./errors";
import { loadChangeFacts } from "./load-facts";
import { loadTerraformRepo } from "./load-terraform";
import { renderPrBody } from "./pr-body";
import { renderChange, shortId, unifiedDiff, type RenderResult, type TerraformRepo } from "./render";
import { insertChangeRequest, updateChangeRequest } from "./repository";
import { changeInputSchema, fieldErrors, type ChangeInput } from "./schemas";
import { CHANGE_LABELS, changeBranch, changeTitle } from "./titles";

export type CreateChangeResult =
  | { ok: true; id: string; prUrl: string | null }
  | { ok: false; fieldErrors: Record<string, string>; error?: undefined }
  | { ok: false; error: string; id?: string; fieldErrors?: undefined };

export async function createChangeRequest(ctx: ChangesContext, raw: unknown): Promise<CreateChangeResult> {
  assertCan(ctx, "changes.create");
  const parsed = changeInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const input = parsed.data;
  const snapshotId = await getActiveSnapshotId(ctx.db);
  if (!snapshotId) throw new AppError("unavailable", { userMessage: "The inventory has not been synced yet; try again after the first sync." });
  const id = (ctx.newId ?? randomUUID)();

  let repo: TerraformRepo;
  try {
    repo = await loadTerraformRepo(ctx.provider, ctx.settings);
  } catch (error) {
    return failed(ctx, id, input, snapshotId, error, "reading the Terraform repository");
  }
  const facts = await loadChangeFacts(ctx.db, snapshotId);
  let rendered: RenderResult;
  try {
    rendered = await renderChange(input, { changeId: id, facts, repo, changesFile: ctx.settings.changesFile });
  } catch (error) {
    const rejection = fieldRejection(error);
    if (rejection) return { ok: false, fieldErrors: { [rejection.field]: rejection.message } };
    throw error;
  }
  const fullDelta = await computeAccessDelta(facts, rendered);
  const problem = outcomeProblem(rendered.outcome, fullDelta);
  if (problem) return { ok: false, fieldErrors: { [problem.field]: problem.message } };
  const delta = truncateDelta(fullDelta);

  const portalUrl = `${ctx.settings.portalUrl}/changes/${id}`;
  const body = renderPrBody({ changeId: id, title: rendered.title, input, requester: ctx.user, portalUrl: ctx.settings.portalUrl, summary: rendered.summary, notes: rendered.notes, files: rendered.files, delta });
  const branch = changeBranch(input, shortId(id));
  await ctx.db.$transaction(async (tx) => {
    await insertChangeRequest(tx, {
      id, kind: input.kind, title: rendered.title, requesterEmail: ctx.user.email, requesterName: ctx.user.name, reason: input.reason,
      payload: input as unknown as Prisma.InputJsonValue, renderedFiles: rendered.files as unknown as Prisma.InputJsonValue,
      cluster: rendered.cluster, snapshotId, baseBranch: ctx.settings.baseBranch, body, diff: unifiedDiff(rendered.files),
      delta: delta as unknown as Prisma.InputJsonValue, status: "draft",
    });
    await audit(tx, ctx, id, { kind: input.kind, title: rendered.title, cluster: rendered.cluster, branch, files: rendered.files.map((f) => f.path), gains: fullDelta.gains.length, losses: fullDelta.losses.length, newReaders: fullDelta.newPaths.length, ...reviewOf(input) });
  });

  try {
    const pr = await ctx.provider.openPullRequest({
      branch, base: ctx.settings.baseBranch, title: rendered.title, body, files: rendered.files,
      commitMessage: `${rendered.title}\n\n${input.reason}\n\nRadius-Change: ${id}\nRequested-By: ${ctx.user.email}\n`,
      labels: [...CHANGE_LABELS, input.kind], reviewers: [], draft: false, author: { name: ctx.user.name, email: ctx.user.email }, portalUrl,
    });
    await updateChangeRequest(ctx.db, id, { status: "submitted", provider: pr.provider, branch: pr.branch, prUrl: pr.url, prNumber: pr.number, commit: pr.commit, statusCheckedAt: new Date() });
    return { ok: true, id, prUrl: pr.url };
  } catch (error) {
    await updateChangeRequest(ctx.db, id, { status: "failed", provider: ctx.provider.name, branch, error: describe(error) });
    return { ok: false, id, error: `The pull request could not be opened: ${describe(error)}` };
  }
}

/** A failure before anything was rendered: stored (failed) and audited, so the attempt is visible. */
async function failed(ctx: ChangesContext, id: string, input: ChangeInput, snapshotId: string, error: unknown, while_: string): Promise<CreateChangeResult> {
  const message = `${while_}: ${describe(error)}`;
  await ctx.db.$transaction(async (tx) => {
    await insertChangeRequest(tx, {
      id, kind: input.kind, title: changeTitle(input), requesterEmail: ctx.user.email, requesterName: ctx.user.name, reason: input.reason,
      payload: input as unknown as Prisma.InputJsonValue, snapshotId, baseBranch: ctx.settings.baseBranch, provider: ctx.provider.name, status: "failed", error: message,
    });
    await audit(tx, ctx, id, { kind: input.kind, title: changeTitle(input), status: "failed", ...reviewOf(input) });
  });
  return { ok: false, id, error: `The request could not be prepared (${message}).` };
}

function audit(tx: Prisma.TransactionClient, ctx: ChangesContext, id: string, details: Record<string, unknown>) {
  return appendPortalAudit(tx, {
    actorEmail: ctx.user.email,
    actorRoles: ctx.user.roles,
    action: "changes.create",
    target: `change:${id}`,
    ip: ctx.request?.ip ?? null,
    userAgent: ctx.request?.userAgent ?? null,
    details,
  });
}

const reviewOf = (input: ChangeInput) => (input.kind === "access.revoke" && input.reviewId ? { reviewId: input.reviewId } : {});

/** Safe to show: AppErrors carry a user message; other errors' messages are trimmed. */
function describe(error: unknown): string {
  const text = isAppError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim().slice(0, 500);
}
