/**
 * State and JSON shapes of the GitLab stand-in (REST API v4, docs.gitlab.com/api). One private
 * project, addressed by numeric id or URL-encoded path, backed by a real git repository.
 */
import type { z } from "zod";
import type { GitCommit, GitRepository } from "./git-repository";
import { HttpError } from "./http-kit";

export interface GitlabUserRecord {
  id: number;
  username: string;
  name: string;
  email: string;
  token: string;
}

export interface MergeRequestRecord {
  id: number;
  iid: number;
  title: string;
  description: string | null;
  state: "opened" | "closed" | "merged";
  sourceBranch: string;
  targetBranch: string;
  author: string;
  labels: string[];
  reviewerIds: number[];
  /** Usernames, in the order they approved. */
  approvedBy: string[];
  /** Last known head of the source branch. */
  sha: string;
  mergeCommitSha: string | null;
  mergedBy: string | null;
  mergedAt: Date | null;
  closedBy: string | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  forceRemoveSourceBranch: boolean;
}

export interface GitlabContext {
  url: string;
  projectId: number;
  /** "group/name". */
  path: string;
  defaultBranch: string;
  repo: GitRepository;
  users: GitlabUserRecord[];
  mergeRequests: MergeRequestRecord[];
  nextIid: number;
  nextId: number;
}

/** GitLab's error body for handled errors: {"message": ...} (a string, or an array for validation). */
export function glError(status: number, message: unknown): HttpError {
  return new HttpError(status, { message });
}

/** Grape's parameter validation answer: 400 {"error": "<param> is missing"}. */
export function parseParams<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => {
    const field = issue.path.map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`)).join("");
    return issue.code === "invalid_type" && issue.input === undefined ? `${field} is missing` : `${field} is invalid`;
  });
  throw new HttpError(400, { error: messages.join(", ") });
}

export function resolveProject(ctx: GitlabContext, id: string | undefined, user: GitlabUserRecord | null): GitlabUserRecord {
  const matches = id === String(ctx.projectId) || id?.toLowerCase() === ctx.path.toLowerCase();
  // Private project: anonymous callers and unknown projects get the same 404.
  if (!matches || !user) throw glError(404, "404 Project Not Found");
  return user;
}

export function findUser(ctx: GitlabContext, username: string): GitlabUserRecord | undefined {
  return ctx.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
}

export function userJson(ctx: GitlabContext, user: GitlabUserRecord) {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: "active",
    locked: false,
    avatar_url: `https://www.gravatar.com/avatar/${user.id}?s=80&d=identicon`,
    web_url: `${ctx.url}/${user.username}`,
  };
}

export function commitJson(ctx: GitlabContext, commit: GitCommit) {
  const [title = ""] = commit.message.split("\n");
  return {
    id: commit.sha,
    short_id: commit.sha.slice(0, 8),
    created_at: commit.committer.date.toISOString(),
    parent_ids: commit.parents,
    title,
    message: commit.message,
    author_name: commit.author.name,
    author_email: commit.author.email,
    authored_date: commit.author.date.toISOString(),
    committer_name: commit.committer.name,
    committer_email: commit.committer.email,
    committed_date: commit.committer.date.toISOString(),
    trailers: {},
    extended_trailers: {},
    web_url: `${ctx.url}/${ctx.path}/-/commit/${commit.sha}`,
  };
}

export function branchHead(ctx: GitlabContext, branch: string): Promise<string | null> {
  return ctx.repo.resolveCommit(`refs/heads/${branch}`);
}

/** A branch, tag or commit SHA, as GitLab's `ref` parameters accept. */
export async function resolveRef(ctx: GitlabContext, ref: string): Promise<string | null> {
  return (
    (await branchHead(ctx, ref)) ??
    (await ctx.repo.resolveCommit(`refs/tags/${ref}`)) ??
    (/^[0-9a-f]{7,40}$/.test(ref) ? await ctx.repo.resolveCommit(ref) : null)
  );
}
