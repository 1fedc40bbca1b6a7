/**
 * Merge requests of the GitLab stand-in: create/update/merge/approve (shared by the endpoints and
 * the test helpers) and the MR and approvals JSON (docs.gitlab.com/api/merge_requests,
 * /api/merge_request_approvals; Free tier fields for approvals).
 */
import { branchHead, findUser, glError, userJson, type GitlabContext, type GitlabUserRecord, type MergeRequestRecord } from "./gitlab-context";

/** GitLab marks a merge request as draft from its title ("Draft:", "[Draft]", "(Draft)"). */
export function isDraftTitle(title: string): boolean {
  return /^\s*(\[draft\]|\(draft\)|draft:)/i.test(title);
}

async function refresh(ctx: GitlabContext, mr: MergeRequestRecord): Promise<void> {
  if (mr.state !== "opened") return;
  const head = await branchHead(ctx, mr.sourceBranch);
  if (head) mr.sha = head;
}

function openDuplicate(ctx: GitlabContext, source: string, target: string, except?: MergeRequestRecord) {
  return ctx.mergeRequests.find((m) => m !== except && m.state === "opened" && m.sourceBranch === source && m.targetBranch === target);
}

export async function createMergeRequest(
  ctx: GitlabContext,
  author: GitlabUserRecord,
  input: { sourceBranch: string; targetBranch: string; title: string; description: string | null; labels: string[]; reviewerIds: number[]; removeSourceBranch: boolean },
): Promise<MergeRequestRecord> {
  if (input.sourceBranch === input.targetBranch) throw glError(422, ["You can't use same project/branch for source and target"]);
  const duplicate = openDuplicate(ctx, input.sourceBranch, input.targetBranch);
  if (duplicate) throw glError(409, [`Another open merge request already exists for this source branch: !${duplicate.iid}`]);
  const sha = await branchHead(ctx, input.sourceBranch);
  if (!sha) throw glError(422, [`Source branch "${input.sourceBranch}" does not exist`]);
  if (!(await branchHead(ctx, input.targetBranch))) throw glError(422, [`Target branch "${input.targetBranch}" does not exist`]);
  const now = new Date();
  const mr: MergeRequestRecord = {
    id: ctx.nextId++,
    iid: ctx.nextIid++,
    title: input.title,
    description: input.description,
    state: "opened",
    sourceBranch: input.sourceBranch,
    targetBranch: input.targetBranch,
    author: author.username,
    labels: uniqueLabels(input.labels),
    reviewerIds: validReviewers(ctx, input.reviewerIds),
    approvedBy: [],
    sha,
    mergeCommitSha: null,
    mergedBy: null,
    mergedAt: null,
    closedBy: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
    forceRemoveSourceBranch: input.removeSourceBranch,
  };
  ctx.mergeRequests.push(mr);
  return mr;
}

export async function updateMergeRequest(
  ctx: GitlabContext,
  mr: MergeRequestRecord,
  actor: GitlabUserRecord,
  patch: { title?: string; description?: string; labels?: string[]; addLabels?: string[]; removeLabels?: string[]; reviewerIds?: number[]; stateEvent?: "close" | "reopen"; targetBranch?: string },
): Promise<void> {
  if (patch.targetBranch !== undefined && !(await branchHead(ctx, patch.targetBranch))) throw glError(422, [`Target branch "${patch.targetBranch}" does not exist`]);
  if (patch.stateEvent === "reopen" && mr.state === "closed" && openDuplicate(ctx, mr.sourceBranch, patch.targetBranch ?? mr.targetBranch, mr)) {
    const other = openDuplicate(ctx, mr.sourceBranch, patch.targetBranch ?? mr.targetBranch, mr);
    throw glError(409, [`Another open merge request already exists for this source branch: !${other?.iid}`]);
  }
  await refresh(ctx, mr);
  if (patch.title !== undefined) mr.title = patch.title;
  if (patch.description !== undefined) mr.description = patch.description;
  if (patch.targetBranch !== undefined) mr.targetBranch = patch.targetBranch;
  if (patch.labels !== undefined) mr.labels = uniqueLabels(patch.labels);
  if (patch.addLabels) mr.labels = uniqueLabels([...mr.labels, ...patch.addLabels]);
  if (patch.removeLabels) mr.labels = mr.labels.filter((l) => !patch.removeLabels?.includes(l));
  if (patch.reviewerIds !== undefined) mr.reviewerIds = validReviewers(ctx, patch.reviewerIds);
  const now = new Date();
  if (patch.stateEvent === "close" && mr.state === "opened") Object.assign(mr, { state: "closed", closedAt: now, closedBy: actor.username });
  if (patch.stateEvent === "reopen" && mr.state === "closed") Object.assign(mr, { state: "opened", closedAt: null, closedBy: null });
  mr.updatedAt = now;
}

export async function mergeMergeRequest(
  ctx: GitlabContext,
  mr: MergeRequestRecord,
  actor: GitlabUserRecord,
  input: { sha?: string; mergeCommitMessage?: string; shouldRemoveSourceBranch?: boolean },
): Promise<void> {
  await refresh(ctx, mr);
  if (mr.state !== "opened" || isDraftTitle(mr.title)) throw glError(405, "405 Method Not Allowed");
  if (input.sha && input.sha !== mr.sha) throw glError(409, `SHA does not match HEAD of source branch: ${mr.sha}`);
  const target = await branchHead(ctx, mr.targetBranch);
  const tree = target ? await ctx.repo.mergeTrees(target, mr.sha) : null;
  if (!target || !tree) throw glError(422, "Branch cannot be merged");
  const message = input.mergeCommitMessage ?? `Merge branch '${mr.sourceBranch}' into '${mr.targetBranch}'\n\n${mr.title}\n\nSee merge request ${ctx.path}!${mr.iid}\n`;
  const who = { name: actor.name, email: actor.email };
  const sha = await ctx.repo.createCommit({ tree, parents: [target, mr.sha], message, author: who, committer: who });
  if (!(await ctx.repo.updateRef(`refs/heads/${mr.targetBranch}`, sha, target))) throw glError(409, "Target branch was changed; try again");
  if (input.shouldRemoveSourceBranch ?? mr.forceRemoveSourceBranch) await ctx.repo.deleteRef(`refs/heads/${mr.sourceBranch}`, mr.sha);
  const now = new Date();
  Object.assign(mr, { state: "merged", mergedAt: now, mergedBy: actor.username, mergeCommitSha: sha, updatedAt: now });
}

/** POST /approve: the author may not approve (GitLab's default "prevent approval by author"), nor may anyone twice. */
export function approveMergeRequest(mr: MergeRequestRecord, actor: GitlabUserRecord, sha?: string): void {
  if (mr.state !== "opened") throw glError(405, "405 Method Not Allowed");
  if (sha && sha !== mr.sha) throw glError(409, "SHA does not match HEAD of source branch");
  if (actor.username === mr.author || mr.approvedBy.includes(actor.username)) throw glError(401, "401 Unauthorized");
  mr.approvedBy.push(actor.username);
  mr.updatedAt = new Date();
}

export async function mergeRequestJson(ctx: GitlabContext, mr: MergeRequestRecord) {
  await refresh(ctx, mr);
  const user = (username: string | null) => {
    const found = username ? findUser(ctx, username) : undefined;
    return found ? userJson(ctx, found) : null;
  };
  const draft = isDraftTitle(mr.title);
  const reviewers = mr.reviewerIds.map((id) => ctx.users.find((u) => u.id === id)).filter((u) => u !== undefined);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: mr.id,
    iid: mr.iid,
    project_id: ctx.projectId,
    title: mr.title,
    description: mr.description,
    state: mr.state,
    created_at: iso(mr.createdAt),
    updated_at: iso(mr.updatedAt),
    merged_by: user(mr.mergedBy),
    merge_user: user(mr.mergedBy),
    merged_at: iso(mr.mergedAt),
    closed_by: user(mr.closedBy),
    closed_at: iso(mr.closedAt),
    target_branch: mr.targetBranch,
    source_branch: mr.sourceBranch,
    user_notes_count: 0,
    upvotes: 0,
    downvotes: 0,
    author: user(mr.author),
    assignees: [],
    assignee: null,
    reviewers: reviewers.map((u) => userJson(ctx, u)),
    source_project_id: ctx.projectId,
    target_project_id: ctx.projectId,
    labels: mr.labels,
    draft,
    work_in_progress: draft,
    milestone: null,
    merge_when_pipeline_succeeds: false,
    merge_status: "can_be_merged",
    detailed_merge_status: mr.state !== "opened" ? "not_open" : draft ? "draft_status" : "mergeable",
    sha: mr.sha,
    merge_commit_sha: mr.mergeCommitSha,
    squash_commit_sha: null,
    discussion_locked: null,
    should_remove_source_branch: null,
    force_remove_source_branch: mr.forceRemoveSourceBranch,
    prepared_at: iso(mr.createdAt),
    reference: `!${mr.iid}`,
    references: { short: `!${mr.iid}`, relative: `!${mr.iid}`, full: `${ctx.path}!${mr.iid}` },
    web_url: `${ctx.url}/${ctx.path}/-/merge_requests/${mr.iid}`,
    time_stats: { time_estimate: 0, total_time_spent: 0, human_time_estimate: null, human_total_time_spent: null },
    squash: false,
    squash_on_merge: false,
    task_completion_status: { count: 0, completed_count: 0 },
    has_conflicts: false,
    blocking_discussions_resolved: true,
  };
}

export function approvalsJson(ctx: GitlabContext, mr: MergeRequestRecord, viewer: GitlabUserRecord) {
  const approvers = mr.approvedBy.map((username) => findUser(ctx, username)).filter((u) => u !== undefined);
  return {
    id: mr.id,
    iid: mr.iid,
    project_id: ctx.projectId,
    title: mr.title,
    description: mr.description,
    state: mr.state,
    created_at: mr.createdAt.toISOString(),
    updated_at: mr.updatedAt.toISOString(),
    merge_status: "can_be_merged",
    approved: approvers.length > 0,
    approvals_required: 0,
    approvals_left: 0,
    require_password_to_approve: false,
    approved_by: approvers.map((u) => ({ user: userJson(ctx, u) })),
    suggested_approvers: [],
    approvers: [],
    approver_groups: [],
    user_has_approved: mr.approvedBy.includes(viewer.username),
    user_can_approve: mr.state === "opened" && viewer.username !== mr.author && !mr.approvedBy.includes(viewer.username),
    approval_rules_left: [],
    has_approval_rules: false,
    merge_request_approvers_available: false,
    multiple_approval_rules_available: false,
    invalid_approvers_rules: [],
  };
}

function uniqueLabels(labels: string[]): string[] {
  return [...new Set(labels.map((l) => l.trim()).filter(Boolean))];
}

/** Unknown user ids are dropped, as GitLab silently ignores reviewers it cannot assign. */
function validReviewers(ctx: GitlabContext, ids: number[]): number[] {
  return [...new Set(ids)].filter((id) => ctx.users.some((u) => u.id === id));
}
