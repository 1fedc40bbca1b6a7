/**
 * startGitlabStandin: a node:http server speaking the subset of GitLab's REST API v4 that the
 * GitLab change provider uses (under /api/v4), over a real bare git repository. Tests give
 * Gitbeaker `host: url`, then inspect the repository with `git` and MRs with `mergeRequest(iid)`.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startForgeServer } from "./forge-server";
import { GitRepository } from "./git-repository";
import { findUser, type GitlabContext, type GitlabUserRecord, type MergeRequestRecord } from "./gitlab-context";
import { approveMergeRequest, isDraftTitle, mergeMergeRequest, updateMergeRequest } from "./gitlab-merge-requests";
import { addMergeRequestRoutes } from "./gitlab-mr-routes";
import { addRepositoryRoutes } from "./gitlab-repository-routes";
import { Router, type JsonAnswer, type RecordedForgeRequest } from "./http-kit";

export interface GitlabStandinUser {
  username: string;
  token: string;
  name?: string;
  email?: string;
}

export interface StartGitlabStandinOptions {
  /** "group/name" (URL-encoded in API paths) of the one private project. */
  project: string;
  projectId?: number;
  defaultBranch?: string;
  files?: Record<string, string>;
  /** Token owners (PRIVATE-TOKEN or "Authorization: Bearer"); anyone else gets 401. */
  users: GitlabStandinUser[];
  dir?: string;
  port?: number;
}

export interface GitlabMergeRequestSnapshot {
  iid: number;
  title: string;
  description: string | null;
  state: "opened" | "closed" | "merged";
  draft: boolean;
  author: string;
  sourceBranch: string;
  targetBranch: string;
  labels: string[];
  reviewers: string[];
  approvedBy: string[];
  forceRemoveSourceBranch: boolean;
}

export interface GitlabStandin {
  /** Instance URL (Gitbeaker `host`); the API is under `${url}/api/v4`. */
  url: string;
  project: string;
  projectId: number;
  gitDir: string;
  git(args: string[]): Promise<string>;
  requests: RecordedForgeRequest[];
  users: { id: number; username: string }[];
  mergeRequest(iid: number): GitlabMergeRequestSnapshot | undefined;
  mergeRequests(): GitlabMergeRequestSnapshot[];
  /** As POST /merge_requests/:iid/approve by `username`. */
  approveMergeRequest(iid: number, username: string): Promise<void>;
  /** As PUT /merge_requests/:iid/merge; returns the merge commit. */
  mergeMergeRequest(iid: number, username?: string): Promise<string>;
  closeMergeRequest(iid: number, username?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startGitlabStandin(options: StartGitlabStandinOptions): Promise<GitlabStandin> {
  const name = options.project.split("/").pop() ?? "";
  if (!options.project.includes("/") || !name) throw new Error(`project must be "group/name", got "${options.project}"`);
  const tmp = options.dir ? null : await mkdtemp(path.join(os.tmpdir(), "gitlab-standin-"));
  const dir = options.dir ?? path.join(tmp ?? "", `${name}.git`);
  const users: GitlabUserRecord[] = options.users.map((u, i) => ({
    id: 101 + i,
    username: u.username,
    token: u.token,
    name: u.name ?? u.username,
    email: u.email ?? `${u.username}@gitlab.example.com`,
  }));
  const defaultBranch = options.defaultBranch ?? "main";
  const repo = await GitRepository.create({
    dir,
    defaultBranch,
    files: options.files ?? { "README.md": `# ${name}\n` },
    author: { name: "Administrator", email: "admin@gitlab.example.com" },
  });
  const ctx: GitlabContext = { url: "", projectId: options.projectId ?? 42, path: options.project, defaultBranch, repo, users, mergeRequests: [], nextIid: 1, nextId: 9000 };

  const router = new Router<GitlabUserRecord | null>();
  addRepositoryRoutes(router, ctx);
  addMergeRequestRoutes(router, ctx);
  const answer = (status: number, body: unknown): JsonAnswer => ({ status, body });
  const server = await startForgeServer<GitlabUserRecord>(
    {
      router,
      prefix: "/api/v4",
      authenticate: (req) => {
        const privateToken = req.headers["private-token"];
        const bearer = /^bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
        const token = typeof privateToken === "string" ? privateToken : bearer;
        if (token === undefined) return null;
        return users.find((u) => u.token === token) ?? "invalid";
      },
      userName: (u) => u.username,
      responseHeaders: () => ({ "X-Request-Id": randomUUID().replace(/-/g, "").slice(0, 26).toUpperCase(), "X-Gitlab-Meta": '{"correlation_id":"standin"}' }),
      answers: {
        badCredentials: () => answer(401, { message: "401 Unauthorized" }),
        notFound: () => answer(404, { error: "404 Not Found" }),
        methodNotAllowed: () => answer(405, { error: "405 Not Allowed" }),
        invalidJson: () => answer(400, { message: "400 Bad request - Invalid JSON" }),
        tooLarge: () => answer(413, { message: "413 Request Entity Too Large" }),
        internal: () => answer(500, { message: "500 Internal Server Error" }),
      },
    },
    options.port,
  );
  ctx.url = server.url;

  const find = (iid: number): MergeRequestRecord => {
    const mr = ctx.mergeRequests.find((m) => m.iid === iid);
    if (!mr) throw new Error(`GitLab stand-in: no merge request !${iid}`);
    return mr;
  };
  const userOf = (username?: string): GitlabUserRecord => {
    const user = username ? findUser(ctx, username) : users[0];
    if (!user) throw new Error(`GitLab stand-in: no user ${username ?? "(none configured)"}`);
    return user;
  };
  const snapshot = (mr: MergeRequestRecord): GitlabMergeRequestSnapshot => ({
    iid: mr.iid,
    title: mr.title,
    description: mr.description,
    state: mr.state,
    draft: isDraftTitle(mr.title),
    author: mr.author,
    sourceBranch: mr.sourceBranch,
    targetBranch: mr.targetBranch,
    labels: [...mr.labels],
    reviewers: mr.reviewerIds.map((id) => users.find((u) => u.id === id)?.username ?? String(id)),
    approvedBy: [...mr.approvedBy],
    forceRemoveSourceBranch: mr.forceRemoveSourceBranch,
  });

  return {
    url: server.url,
    project: options.project,
    projectId: ctx.projectId,
    gitDir: dir,
    git: (args) => repo.git(args),
    requests: server.requests,
    users: users.map((u) => ({ id: u.id, username: u.username })),
    mergeRequest: (iid) => {
      const mr = ctx.mergeRequests.find((m) => m.iid === iid);
      return mr ? snapshot(mr) : undefined;
    },
    mergeRequests: () => ctx.mergeRequests.map(snapshot),
    approveMergeRequest: async (iid, username) => approveMergeRequest(find(iid), userOf(username)),
    mergeMergeRequest: async (iid, username) => {
      const mr = find(iid);
      await mergeMergeRequest(ctx, mr, userOf(username), {});
      return mr.mergeCommitSha ?? "";
    },
    closeMergeRequest: (iid, username) => updateMergeRequest(ctx, find(iid), userOf(username), { stateEvent: "close" }),
    close: async () => {
      await server.close();
      if (tmp) await rm(tmp, { recursive: true, force: true });
    },
  };
}
