/**
 * Pull requests of the GitHub stand-in: the operations behind the pulls, reviews and issue-label
 * endpoints, also used by the test helpers so both paths follow the same rules.
 */
import {
  branchHead,
  findUser,
  ghError,
  labelJson,
  nextId,
  repoJson,
  userJson,
  validationFailed,
  type GithubContext,
  type GithubUserRecord,
  type PullRecord,
  type ReviewRecord,
  type ReviewState,
} from "./github-context";
import { pullJson, refresh, reviewJson } from "./github-pull-json";

const PULLS_DOCS = "https://docs.github.com/rest/pulls/pulls";

async function emitPull(ctx: GithubContext, pr: PullRecord, action: string, sender: GithubUserRecord): Promise<void> {
  ctx.webhooks.emit("pull_request", {
    action,
    number: pr.number,
    pull_request: await pullJson(ctx, pr, true),
    repository: repoJson(ctx),
    sender: userJson(ctx, sender),
  });
}

/** A push to a head branch: GitHub sends "synchronize" for every open pull request from it. */
export async function notifyBranchUpdated(ctx: GithubContext, ref: string, sender: GithubUserRecord): Promise<void> {
  for (const pr of ctx.pulls) {
    if (pr.state === "open" && `refs/heads/${pr.head}` === ref) {
      pr.updatedAt = new Date();
      await emitPull(ctx, pr, "synchronize", sender);
    }
  }
}

function openDuplicate(ctx: GithubContext, head: string, base: string, except?: PullRecord): PullRecord | undefined {
  return ctx.pulls.find((p) => p !== except && p.state === "open" && p.head === head && p.base === base);
}

export async function createPull(
  ctx: GithubContext,
  user: GithubUserRecord,
  input: { title: string; head: string; base: string; body: string | null; draft: boolean },
): Promise<PullRecord> {
  const [headOwner, headRef] = input.head.includes(":") ? input.head.split(/:(.*)/s) : [ctx.owner, input.head];
  const invalid = (field: string) => validationFailed(`${PULLS_DOCS}#create-a-pull-request`, [{ resource: "PullRequest", field, code: "invalid" }]);
  if (headOwner?.toLowerCase() !== ctx.owner.toLowerCase() || !headRef) throw invalid("head");
  const headSha = await branchHead(ctx, headRef);
  if (!headSha) throw invalid("head");
  const baseSha = await branchHead(ctx, input.base);
  if (!baseSha) throw invalid("base");
  const custom = (message: string) => validationFailed(`${PULLS_DOCS}#create-a-pull-request`, [{ resource: "PullRequest", code: "custom", message }]);
  if (openDuplicate(ctx, headRef, input.base)) throw custom(`A pull request already exists for ${ctx.owner}:${headRef}.`);
  if (await ctx.repo.isAncestor(headSha, baseSha)) throw custom(`No commits between ${input.base} and ${headRef}`);
  const now = new Date();
  const pr: PullRecord = {
    id: nextId(ctx),
    number: ctx.nextNumber++,
    title: input.title,
    body: input.body,
    state: "open",
    draft: input.draft,
    author: user.login,
    head: headRef,
    base: input.base,
    headSha,
    labels: [],
    requestedReviewers: [],
    requestedTeams: [],
    reviews: [],
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
    stats: { commits: 0, additions: 0, deletions: 0, changedFiles: 0 },
  };
  ctx.pulls.push(pr);
  await emitPull(ctx, pr, "opened", user);
  return pr;
}

export async function updatePull(
  ctx: GithubContext,
  pr: PullRecord,
  user: GithubUserRecord,
  patch: { title?: string; body?: string | null; state?: "open" | "closed"; base?: string },
): Promise<void> {
  const docs = `${PULLS_DOCS}#update-a-pull-request`;
  if (patch.base !== undefined && !(await branchHead(ctx, patch.base))) {
    throw validationFailed(docs, [{ resource: "PullRequest", field: "base", code: "invalid" }]);
  }
  const reopening = patch.state === "open" && pr.state === "closed";
  if (reopening && pr.mergedAt) {
    throw validationFailed(docs, [{ resource: "PullRequest", code: "custom", field: "state", message: "state cannot be changed. The pull request has already been merged." }]);
  }
  if (reopening && openDuplicate(ctx, pr.head, patch.base ?? pr.base, pr)) {
    throw validationFailed(docs, [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${ctx.owner}:${pr.head}.` }]);
  }
  const edited = (patch.title !== undefined && patch.title !== pr.title) || (patch.body !== undefined && patch.body !== pr.body) || (patch.base !== undefined && patch.base !== pr.base);
  await refresh(ctx, pr);
  if (patch.title !== undefined) pr.title = patch.title;
  if (patch.body !== undefined) pr.body = patch.body;
  if (patch.base !== undefined) pr.base = patch.base;
  pr.updatedAt = new Date();
  if (edited) await emitPull(ctx, pr, "edited", user);
  if (patch.state === "closed" && pr.state === "open") {
    pr.state = "closed";
    pr.closedAt = pr.updatedAt;
    await emitPull(ctx, pr, "closed", user);
  } else if (reopening) {
    pr.state = "open";
    pr.closedAt = null;
    await emitPull(ctx, pr, "reopened", user);
  }
}

export async function mergePull(
  ctx: GithubContext,
  pr: PullRecord,
  user: GithubUserRecord,
  input: { sha?: string; commitTitle?: string; commitMessage?: string; mergeMethod?: "merge" | "squash" | "rebase" },
): Promise<string> {
  await refresh(ctx, pr);
  if (pr.state !== "open") throw ghError(405, "Pull Request is not mergeable", `${PULLS_DOCS}#merge-a-pull-request`);
  if (pr.draft) throw ghError(405, "Pull Request is still a draft", `${PULLS_DOCS}#merge-a-pull-request`);
  if (input.sha && input.sha !== pr.headSha) throw ghError(409, "Head branch was modified. Review and try the merge again.", `${PULLS_DOCS}#merge-a-pull-request`);
  const method = input.mergeMethod ?? "merge";
  if (method === "rebase") throw ghError(405, "Rebase merges are not allowed on this repository.", `${PULLS_DOCS}#merge-a-pull-request`);
  const baseSha = await branchHead(ctx, pr.base);
  const tree = baseSha ? await ctx.repo.mergeTrees(baseSha, pr.headSha) : null;
  if (!baseSha || !tree) throw ghError(405, "Pull Request is not mergeable", `${PULLS_DOCS}#merge-a-pull-request`);
  const title = input.commitTitle ?? (method === "merge" ? `Merge pull request #${pr.number} from ${ctx.owner}/${pr.head}` : `${pr.title} (#${pr.number})`);
  const message = `${title}\n\n${input.commitMessage ?? (method === "merge" ? pr.title : "")}`.trimEnd() + "\n";
  const sha = await ctx.repo.createCommit({
    tree,
    parents: method === "merge" ? [baseSha, pr.headSha] : [baseSha],
    message,
    author: { name: user.name, email: user.email },
    committer: { name: "GitHub", email: "noreply@github.com" },
  });
  if (!(await ctx.repo.updateRef(`refs/heads/${pr.base}`, sha, baseSha))) {
    throw ghError(409, "Base branch was modified. Review and try the merge again.", `${PULLS_DOCS}#merge-a-pull-request`);
  }
  const now = new Date();
  Object.assign(pr, { state: "closed", closedAt: now, mergedAt: now, updatedAt: now, mergedBy: user.login, mergeCommitSha: sha });
  await emitPull(ctx, pr, "closed", user);
  return sha;
}

export async function submitReview(
  ctx: GithubContext,
  pr: PullRecord,
  user: GithubUserRecord,
  input: { event?: "APPROVE" | "REQUEST_CHANGES" | "COMMENT"; body?: string; commitId?: string },
): Promise<ReviewRecord> {
  const unprocessable = (message: string) => ghError(422, "Unprocessable Entity", "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request", { errors: [message] });
  const own = user.login.toLowerCase() === pr.author.toLowerCase();
  if (own && input.event === "APPROVE") throw unprocessable("Can not approve your own pull request");
  if (own && input.event === "REQUEST_CHANGES") throw unprocessable("Can not request changes on your own pull request");
  if ((input.event === "REQUEST_CHANGES" || input.event === "COMMENT") && !input.body) {
    throw unprocessable(`Body is required when using ${input.event} events`);
  }
  await refresh(ctx, pr);
  const states: Record<string, ReviewState> = { APPROVE: "APPROVED", REQUEST_CHANGES: "CHANGES_REQUESTED", COMMENT: "COMMENTED" };
  const review: ReviewRecord = {
    id: nextId(ctx),
    user: user.login,
    body: input.body ?? "",
    state: input.event ? (states[input.event] ?? "PENDING") : "PENDING",
    commitId: input.commitId ?? pr.headSha,
    submittedAt: input.event ? new Date() : null,
  };
  pr.reviews.push(review);
  if (review.state !== "PENDING") {
    // A submitted review fulfils the review request.
    pr.requestedReviewers = pr.requestedReviewers.filter((l) => l.toLowerCase() !== user.login.toLowerCase());
    ctx.webhooks.emit("pull_request_review", {
      action: "submitted",
      review: { ...reviewJson(ctx, pr, review), state: review.state.toLowerCase() },
      pull_request: await pullJson(ctx, pr, false),
      repository: repoJson(ctx),
      sender: userJson(ctx, user),
    });
  }
  return review;
}

export function requestReviewers(ctx: GithubContext, pr: PullRecord, reviewers: string[], teams: string[]): void {
  const docs = "https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request";
  if (reviewers.some((r) => r.toLowerCase() === pr.author.toLowerCase())) throw ghError(422, "Review cannot be requested from pull request author.", docs);
  const unknownUser = reviewers.some((r) => !findUser(ctx, r) || !ctx.collaborators.has(r.toLowerCase()));
  const unknownTeam = teams.some((t) => !ctx.teams.has(t.toLowerCase()));
  if (unknownUser || unknownTeam) {
    throw ghError(422, `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${ctx.fullName} repository.`, docs);
  }
  for (const r of reviewers) {
    const login = findUser(ctx, r)?.login ?? r;
    if (!pr.requestedReviewers.includes(login)) pr.requestedReviewers.push(login);
  }
  for (const t of teams) if (!pr.requestedTeams.includes(t.toLowerCase())) pr.requestedTeams.push(t.toLowerCase());
  pr.updatedAt = new Date();
}

/** POST /issues/{n}/labels: unknown labels are created in the repository, as GitHub does. */
export function addLabels(ctx: GithubContext, pr: PullRecord, names: string[]) {
  for (const name of names) {
    const existing = [...ctx.labels.values()].find((l) => l.name.toLowerCase() === name.toLowerCase());
    const label = existing ?? { id: nextId(ctx), name };
    ctx.labels.set(label.name, label);
    if (!pr.labels.includes(label.name)) pr.labels.push(label.name);
  }
  pr.updatedAt = new Date();
  return pr.labels.map((n) => labelJson(ctx, ctx.labels.get(n) ?? { id: 0, name: n }));
}
