/**
 * The JSON GitHub returns for pull requests (full and "simple", as in list answers) and reviews.
 * Reading a pull request follows its head branch while it is open, as GitHub does.
 */
import {
  branchHead,
  findUser,
  labelJson,
  nodeId,
  ownerJson,
  repoApi,
  repoJson,
  userJson,
  type GithubContext,
  type PullRecord,
  type ReviewRecord,
} from "./github-context";
import { isoSeconds } from "./http-kit";

const iso = (d: Date | null) => (d ? isoSeconds(d) : null);

/** Follows the head branch while the pull request is open (GitHub updates the PR on every push). */
export async function refresh(ctx: GithubContext, pr: PullRecord): Promise<void> {
  if (pr.state !== "open") return;
  const head = await branchHead(ctx, pr.head);
  if (head) pr.headSha = head;
  const base = await branchHead(ctx, pr.base);
  if (!base) return;
  const commits = Number((await ctx.repo.git(["rev-list", "--count", `${base}..${pr.headSha}`])).trim());
  const numstat = await ctx.repo.git(["diff", "--numstat", `${base}...${pr.headSha}`]);
  const rows = numstat.split("\n").filter(Boolean).map((l) => l.split("\t"));
  const sum = (i: number) => rows.reduce((n, r) => n + (Number(r[i]) || 0), 0);
  pr.stats = { commits, additions: sum(0), deletions: sum(1), changedFiles: rows.length };
}

export async function pullJson(ctx: GithubContext, pr: PullRecord, full: boolean) {
  await refresh(ctx, pr);
  const api = `${repoApi(ctx)}/pulls/${pr.number}`;
  const html = `${ctx.webUrl}/${ctx.fullName}/pull/${pr.number}`;
  const issue = `${repoApi(ctx)}/issues/${pr.number}`;
  const baseSha = (await branchHead(ctx, pr.base)) ?? "";
  const user = (login: string) => userJson(ctx, findUser(ctx, login) ?? { login, id: 0, token: "", name: login, email: "" });
  const side = (ref: string, sha: string) => ({ label: `${ctx.owner}:${ref}`, ref, sha, user: ownerJson(ctx), repo: repoJson(ctx) });
  const simple = {
    url: api,
    id: pr.id,
    node_id: nodeId("PR", pr.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApi(ctx)}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${repoApi(ctx)}/statuses/${pr.headSha}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: user(pr.author),
    body: pr.body,
    labels: pr.labels.map((name) => labelJson(ctx, ctx.labels.get(name) ?? { id: 0, name })),
    milestone: null,
    active_lock_reason: null,
    created_at: iso(pr.createdAt),
    updated_at: iso(pr.updatedAt),
    closed_at: iso(pr.closedAt),
    merged_at: iso(pr.mergedAt),
    merge_commit_sha: pr.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: pr.requestedReviewers.map(user),
    requested_teams: pr.requestedTeams.map((slug) => ({ name: slug, slug, id: 0, privacy: "closed", permission: "pull" })),
    head: side(pr.head, pr.headSha),
    base: side(pr.base, baseSha),
    _links: { self: { href: api }, html: { href: html }, issue: { href: issue }, statuses: { href: `${repoApi(ctx)}/statuses/${pr.headSha}` } },
    author_association: "MEMBER",
    auto_merge: null,
    draft: pr.draft,
  };
  if (!full) return simple;
  const mergeable = pr.state === "open" && baseSha ? (await ctx.repo.mergeTrees(baseSha, pr.headSha)) !== null : null;
  return {
    ...simple,
    merged: pr.mergedAt !== null,
    mergeable,
    rebaseable: mergeable,
    mergeable_state: pr.state !== "open" ? "unknown" : pr.draft ? "draft" : mergeable ? "clean" : "dirty",
    merged_by: pr.mergedBy ? user(pr.mergedBy) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pr.stats.commits,
    additions: pr.stats.additions,
    deletions: pr.stats.deletions,
    changed_files: pr.stats.changedFiles,
  };
}

export function reviewJson(ctx: GithubContext, pr: PullRecord, review: ReviewRecord) {
  const html = `${ctx.webUrl}/${ctx.fullName}/pull/${pr.number}#pullrequestreview-${review.id}`;
  const prUrl = `${repoApi(ctx)}/pulls/${pr.number}`;
  const reviewer = findUser(ctx, review.user);
  return {
    id: review.id,
    node_id: nodeId("PRR", review.id),
    user: reviewer ? userJson(ctx, reviewer) : null,
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: prUrl,
    author_association: "MEMBER",
    _links: { html: { href: html }, pull_request: { href: prUrl } },
    ...(review.submittedAt ? { submitted_at: isoSeconds(review.submittedAt) } : {}),
    commit_id: review.commitId,
  };
}
