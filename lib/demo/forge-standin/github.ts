/**
 * startGithubStandin: a node:http server speaking the subset of GitHub's REST API v3 that the
 * GitHub change provider uses, over a real bare git repository. Tests point Octokit's baseUrl at
 * `url`, then inspect the repository with `git` and the pull requests with `pullRequest(n)`.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startForgeServer } from "./forge-server";
import { GitRepository } from "./git-repository";
import { DOCS, findUser, type GithubContext, type GithubUserRecord, type PullRecord, type ReviewState } from "./github-context";
import { addGitRoutes } from "./github-git-routes";
import { addPullRoutes } from "./github-pull-routes";
import { mergePull, submitReview, updatePull } from "./github-pulls";
import { GithubWebhooks, type GithubWebhookDelivery, type GithubWebhookTarget } from "./github-webhooks";
import { authorizationToken, Router, type JsonAnswer, type RecordedForgeRequest } from "./http-kit";

export interface GithubStandinUser {
  login: string;
  token: string;
  name?: string;
  email?: string;
}

export interface StartGithubStandinOptions {
  /** "owner/name" of the one (private) repository. */
  repository: string;
  defaultBranch?: string;
  /** Content of the initial commit on the default branch. */
  files?: Record<string, string>;
  /** Token owners. Anyone else gets 401 "Bad credentials". */
  users: GithubStandinUser[];
  /** Logins that may be requested as reviewers (default: every user). */
  collaborators?: string[];
  /** Team slugs of the owner organisation that may be requested as team reviewers. */
  teams?: string[];
  webhooks?: GithubWebhookTarget[];
  /** Directory for the bare repository (default: a fresh temporary directory, removed on close). */
  dir?: string;
  port?: number;
  /** GET trees reports `truncated: true` past this many entries (default 100,000, GitHub's limit). */
  treeEntryLimit?: number;
}

/** What tests read about a pull request: plain data, detached from the stand-in's state. */
export interface GithubPullRequestSnapshot {
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  merged: boolean;
  draft: boolean;
  author: string;
  head: string;
  base: string;
  labels: string[];
  requestedReviewers: string[];
  requestedTeams: string[];
  reviews: { user: string; state: ReviewState }[];
}

export interface GithubStandin {
  /** API base URL (Octokit `baseUrl`). */
  url: string;
  repository: string;
  /** The bare git repository behind the API. */
  gitDir: string;
  git(args: string[]): Promise<string>;
  /** Every request received, in order. */
  requests: RecordedForgeRequest[];
  webhookDeliveries: GithubWebhookDelivery[];
  pullRequest(number: number): GithubPullRequestSnapshot | undefined;
  pullRequests(): GithubPullRequestSnapshot[];
  /** Submits an APPROVE review as `login` (same rules as POST /pulls/{n}/reviews). */
  approvePullRequest(number: number, login: string): Promise<void>;
  requestChanges(number: number, login: string, body: string): Promise<void>;
  /** Merges as PUT /pulls/{n}/merge would (merge commit on the base branch); returns its SHA. */
  mergePullRequest(number: number, login?: string): Promise<string>;
  closePullRequest(number: number, login?: string): Promise<void>;
  /** Waits for webhook deliveries in flight. */
  drainWebhooks(): Promise<void>;
  close(): Promise<void>;
}

export async function startGithubStandin(options: StartGithubStandinOptions): Promise<GithubStandin> {
  const [owner, name, ...rest] = options.repository.split("/");
  if (!owner || !name || rest.length > 0) throw new Error(`repository must be "owner/name", got "${options.repository}"`);
  const tmp = options.dir ? null : await mkdtemp(path.join(os.tmpdir(), "github-standin-"));
  const dir = options.dir ?? path.join(tmp ?? "", `${name}.git`);
  const users: GithubUserRecord[] = options.users.map((u, i) => ({
    login: u.login,
    token: u.token,
    id: 1001 + i,
    name: u.name ?? u.login,
    email: u.email ?? `${1001 + i}+${u.login}@users.noreply.github.com`,
  }));
  const defaultBranch = options.defaultBranch ?? "main";
  const repo = await GitRepository.create({
    dir,
    defaultBranch,
    files: options.files ?? { "README.md": `# ${name}\n` },
    author: { name: "GitHub", email: "noreply@github.com" },
  });
  const webhooks = new GithubWebhooks(options.webhooks ?? []);
  const ctx: GithubContext = {
    apiUrl: "",
    webUrl: "",
    owner,
    name,
    fullName: `${owner}/${name}`,
    repoId: 500,
    defaultBranch,
    repo,
    users,
    collaborators: new Set((options.collaborators ?? users.map((u) => u.login)).map((l) => l.toLowerCase())),
    teams: new Set((options.teams ?? []).map((t) => t.toLowerCase())),
    pulls: [],
    labels: new Map(),
    nextNumber: 1,
    nextId: 10_000,
    treeEntryLimit: options.treeEntryLimit ?? 100_000,
    webhooks,
  };

  const router = new Router<GithubUserRecord | null>();
  addGitRoutes(router, ctx);
  addPullRoutes(router, ctx);
  const answer = (status: number, message: string): JsonAnswer => ({ status, body: { message, documentation_url: DOCS, status: String(status) } });
  const server = await startForgeServer<GithubUserRecord>(
    {
      router,
      authenticate: (req) => {
        const header = req.headers.authorization;
        if (!header) return null;
        const token = authorizationToken(header);
        return users.find((u) => u.token === token) ?? "invalid";
      },
      userName: (u) => u.login,
      responseHeaders: () => ({ "X-GitHub-Request-Id": randomUUID().toUpperCase(), "X-GitHub-Media-Type": "github.v3; format=json" }),
      answers: {
        badCredentials: () => answer(401, "Bad credentials"),
        notFound: () => answer(404, "Not Found"),
        methodNotAllowed: () => answer(404, "Not Found"),
        invalidJson: () => answer(400, "Problems parsing JSON"),
        tooLarge: () => answer(413, "Payload too big"),
        internal: () => answer(500, "Server Error"),
      },
    },
    options.port,
  );
  ctx.apiUrl = server.url;
  ctx.webUrl = server.url;

  const pullOf = (n: number): PullRecord => {
    const pr = ctx.pulls.find((p) => p.number === n);
    if (!pr) throw new Error(`GitHub stand-in: no pull request #${n}`);
    return pr;
  };
  const userOf = (login: string | undefined): GithubUserRecord => {
    const user = login ? findUser(ctx, login) : users[0];
    if (!user) throw new Error(`GitHub stand-in: no user ${login ?? "(none configured)"}`);
    return user;
  };
  const snapshot = (pr: PullRecord): GithubPullRequestSnapshot => ({
    number: pr.number,
    title: pr.title,
    body: pr.body,
    state: pr.state,
    merged: pr.mergedAt !== null,
    draft: pr.draft,
    author: pr.author,
    head: pr.head,
    base: pr.base,
    labels: [...pr.labels],
    requestedReviewers: [...pr.requestedReviewers],
    requestedTeams: [...pr.requestedTeams],
    reviews: pr.reviews.map((r) => ({ user: r.user, state: r.state })),
  });

  return {
    url: server.url,
    repository: ctx.fullName,
    gitDir: dir,
    git: (args) => repo.git(args),
    requests: server.requests,
    webhookDeliveries: webhooks.deliveries,
    pullRequest: (n) => {
      const pr = ctx.pulls.find((p) => p.number === n);
      return pr ? snapshot(pr) : undefined;
    },
    pullRequests: () => ctx.pulls.map(snapshot),
    approvePullRequest: async (n, login) => {
      await submitReview(ctx, pullOf(n), userOf(login), { event: "APPROVE" });
    },
    requestChanges: async (n, login, body) => {
      await submitReview(ctx, pullOf(n), userOf(login), { event: "REQUEST_CHANGES", body });
    },
    mergePullRequest: (n, login) => mergePull(ctx, pullOf(n), userOf(login), {}),
    closePullRequest: (n, login) => updatePull(ctx, pullOf(n), userOf(login), { state: "closed" }),
    drainWebhooks: () => webhooks.drain(),
    close: async () => {
      await webhooks.drain();
      await server.close();
      if (tmp) await rm(tmp, { recursive: true, force: true });
    },
  };
}
