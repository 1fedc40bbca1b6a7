/**
 * State and JSON shapes of the GitHub stand-in (REST API v3, docs.github.com/rest). One private
 * repository owned by an organisation, backed by a real git repository; users are token owners.
 */
import type { z } from "zod";
import type { GitCommit, GitRepository } from "./git-repository";
import { HttpError, isoSeconds } from "./http-kit";
import type { GithubWebhooks } from "./github-webhooks";

export interface GithubUserRecord {
  login: string;
  id: number;
  token: string;
  name: string;
  email: string;
}

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "PENDING" | "DISMISSED";

export interface ReviewRecord {
  id: number;
  user: string;
  body: string;
  state: ReviewState;
  commitId: string;
  submittedAt: Date | null;
}

export interface PullRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  draft: boolean;
  /** Login of the token owner who opened it. */
  author: string;
  head: string;
  base: string;
  /** Last known head commit (kept after the branch is deleted). */
  headSha: string;
  labels: string[];
  requestedReviewers: string[];
  requestedTeams: string[];
  reviews: ReviewRecord[];
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  mergedAt: Date | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  /** Diff statistics, refreshed while open and frozen when closed. */
  stats: { commits: number; additions: number; deletions: number; changedFiles: number };
}

export interface GithubContext {
  apiUrl: string;
  webUrl: string;
  owner: string;
  name: string;
  fullName: string;
  repoId: number;
  defaultBranch: string;
  repo: GitRepository;
  users: GithubUserRecord[];
  collaborators: Set<string>;
  teams: Set<string>;
  pulls: PullRecord[];
  labels: Map<string, { id: number; name: string }>;
  /** Issues and pull requests share one number sequence; ids are global. */
  nextNumber: number;
  nextId: number;
  /** Test knob: GET trees answers `truncated: true` past this many entries (GitHub's limit is 100,000). */
  treeEntryLimit: number;
  webhooks: GithubWebhooks;
}

export const DOCS = "https://docs.github.com/rest";

/** GitHub's error body: {"message", "documentation_url", "status"}. */
export function ghError(status: number, message: string, docs = DOCS, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, { message, ...extra, documentation_url: docs, status: String(status) });
}

export const notFound = (docs = DOCS) => ghError(404, "Not Found", docs);

/** 422 "Validation Failed" with GitHub's `errors` array. */
export function validationFailed(docs: string, errors: unknown[]): HttpError {
  return ghError(422, "Validation Failed", docs, { errors });
}

/** Parses a request body the way GitHub's schema validation answers it (422 "Invalid request."). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, docs: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join("/") ?? "";
  const missing = issue?.code === "invalid_type" && issue.input === undefined;
  const detail = missing ? `"${field}" wasn't supplied.` : `For 'properties/${field}', ${JSON.stringify(issue?.input)} is not valid.`;
  throw ghError(422, `Invalid request.\n\n${detail}`, docs);
}

export function nextId(ctx: GithubContext): number {
  return ctx.nextId++;
}

export function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`standin:${id}`).toString("base64url")}`;
}

export function findUser(ctx: GithubContext, login: string): GithubUserRecord | undefined {
  return ctx.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
}

export function userJson(ctx: GithubContext, user: GithubUserRecord) {
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId("U", user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url: `${ctx.apiUrl}/users/${user.login}`,
    html_url: `${ctx.webUrl}/${user.login}`,
    type: "User",
    site_admin: false,
  };
}

export function ownerJson(ctx: GithubContext) {
  return {
    login: ctx.owner,
    id: 1,
    node_id: nodeId("O", 1),
    avatar_url: "https://avatars.githubusercontent.com/u/1?v=4",
    gravatar_id: "",
    url: `${ctx.apiUrl}/users/${ctx.owner}`,
    html_url: `${ctx.webUrl}/${ctx.owner}`,
    type: "Organization",
    site_admin: false,
  };
}

export function repoJson(ctx: GithubContext) {
  return {
    id: ctx.repoId,
    node_id: nodeId("R", ctx.repoId),
    name: ctx.name,
    full_name: ctx.fullName,
    private: true,
    owner: ownerJson(ctx),
    html_url: `${ctx.webUrl}/${ctx.fullName}`,
    description: null,
    fork: false,
    url: `${ctx.apiUrl}/repos/${ctx.fullName}`,
    default_branch: ctx.defaultBranch,
    visibility: "private",
  };
}

export function repoApi(ctx: GithubContext): string {
  return `${ctx.apiUrl}/repos/${ctx.fullName}`;
}

export function refJson(ctx: GithubContext, ref: string, sha: string) {
  return {
    ref,
    node_id: nodeId("REF", hashCode(ref)),
    url: `${repoApi(ctx)}/git/${ref}`,
    object: { sha, type: "commit", url: `${repoApi(ctx)}/git/commits/${sha}` },
  };
}

export function gitCommitJson(ctx: GithubContext, commit: GitCommit) {
  const sig = (s: GitCommit["author"]) => ({ name: s.name, email: s.email, date: isoSeconds(s.date) });
  return {
    sha: commit.sha,
    node_id: nodeId("C", hashCode(commit.sha)),
    url: `${repoApi(ctx)}/git/commits/${commit.sha}`,
    html_url: `${ctx.webUrl}/${ctx.fullName}/commit/${commit.sha}`,
    author: sig(commit.author),
    committer: sig(commit.committer),
    tree: { sha: commit.tree, url: `${repoApi(ctx)}/git/trees/${commit.tree}` },
    message: commit.message.replace(/\n$/, ""),
    parents: commit.parents.map((p) => ({ sha: p, url: `${repoApi(ctx)}/git/commits/${p}`, html_url: `${ctx.webUrl}/${ctx.fullName}/commit/${p}` })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}

export function labelJson(ctx: GithubContext, label: { id: number; name: string }) {
  return {
    id: label.id,
    node_id: nodeId("LA", label.id),
    url: `${repoApi(ctx)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: "ededed",
    default: false,
    description: null,
  };
}

/** The commit a branch points at, or null when the branch does not exist. */
export function branchHead(ctx: GithubContext, branch: string): Promise<string | null> {
  return ctx.repo.resolveCommit(`refs/heads/${branch}`);
}

export function hashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/** Every repository route is /repos/{owner}/{repo}/...: other repositories do not exist (404). */
export function assertRepository(ctx: GithubContext, params: Record<string, string>, user: GithubUserRecord | null): GithubUserRecord {
  const sameRepo = params.owner?.toLowerCase() === ctx.owner.toLowerCase() && params.repo?.toLowerCase() === ctx.name.toLowerCase();
  // A private repository is invisible (404, not 401/403) to anyone without access.
  if (!sameRepo || !user) throw notFound();
  return user;
}
