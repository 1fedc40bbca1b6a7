/**
 * GitHub change provider (@octokit/rest). One commit with every rendered file, built with the Git
 * Data API on top of the branch head (or the base head for a new branch), so no working copy is
 * needed; the branch ref only ever moves forward (force: false). Reopening the same branch
 * updates its open pull request instead of failing.
 */
import "server-only";
import { Octokit } from "@octokit/rest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { assertRepositoryPath, ForgeRequestError, normaliseFolder } from "./forge-error";
import { latestApprovals } from "./github-reviews";
import type { ChangeProvider, OpenPullRequestInput, PullRequestRef, PullRequestStatus } from "./types";

export interface GithubProviderOptions {
  token: string;
  /** "owner/name". */
  repository: string;
  /** REST API root: "https://api.github.com", or "https://ghe.example.com/api/v3". */
  apiUrl: string;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
}

const shaSchema = z.object({ sha: z.string() });
const refSchema = z.object({ object: shaSchema });
const commitSchema = z.object({ sha: z.string(), tree: shaSchema });
const pullSchema = z.object({
  number: z.number().int(),
  html_url: z.string(),
  state: z.enum(["open", "closed"]),
  merged: z.boolean().optional(),
  user: z.object({ login: z.string() }).nullable(),
  requested_reviewers: z.array(z.object({ login: z.string() })).nullish(),
});
const reviewSchema = z.object({ user: z.object({ login: z.string() }).nullable(), state: z.string() });
const fileSchema = z.object({ type: z.string(), encoding: z.string().optional(), content: z.string().optional(), sha: z.string() });
const treeSchema = z.object({
  sha: z.string(),
  tree: z.array(z.object({ path: z.string(), type: z.string(), sha: z.string() })),
  truncated: z.boolean(),
});
const errorBodySchema = z.object({ message: z.string().optional(), errors: z.array(z.unknown()).optional() });
const octokitErrorSchema = z.object({
  status: z.number(),
  request: z.object({ method: z.string(), url: z.string() }),
  response: z.object({ data: z.unknown() }).optional(),
});

type Pull = z.infer<typeof pullSchema>;

export function createGithubProvider(options: GithubProviderOptions): ChangeProvider {
  const [owner, repo, extra] = options.repository.split("/");
  if (!owner || !repo || extra !== undefined) {
    throw new AppError("invalid_request", { userMessage: `GitHub repository must be "owner/name", got "${options.repository}".` });
  }
  const baseUrl = options.apiUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;
  const octokit = new Octokit({
    auth: options.token,
    baseUrl,
    userAgent: "radius-portal",
    // Failures surface as ForgeRequestError; Octokit's own error log would repeat expected 404s.
    log: { debug: () => undefined, info: () => undefined, warn: console.warn, error: () => undefined },
    request: { fetch: (url: string, init: RequestInit) => fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) }) },
  });
  const where = { owner, repo };

  /** Runs one API call; any failure becomes a ForgeRequestError naming GitHub, the status and the step. */
  async function call<S extends z.ZodType>(operation: string, schema: S, request: () => Promise<{ data: unknown; status: number }>): Promise<z.output<S>> {
    let response: { data: unknown; status: number };
    try {
      response = await request();
    } catch (error) {
      throw toForgeError(error, operation, baseUrl);
    }
    const parsed = schema.safeParse(response.data);
    if (!parsed.success) {
      throw new ForgeRequestError({ forge: "GitHub", operation, forgeStatus: response.status, forgeMessage: `with an unexpected body (${parsed.error.issues[0]?.message ?? "invalid"})` });
    }
    return parsed.data;
  }

  /** Like `call`, but a 404 answer is null. */
  async function callOrNull<S extends z.ZodType>(operation: string, schema: S, request: () => Promise<{ data: unknown; status: number }>): Promise<z.output<S> | null> {
    try {
      return await call(operation, schema, request);
    } catch (error) {
      if (error instanceof ForgeRequestError && error.forgeStatus === 404) return null;
      throw error;
    }
  }

  const branchHead = (branch: string, operation: string) =>
    callOrNull(operation, refSchema, () => octokit.git.getRef({ ...where, ref: `heads/${branch}` })).then((r) => r?.object.sha ?? null);

  async function commitFiles(input: OpenPullRequestInput): Promise<string> {
    const base = await call(`reading base branch "${input.base}" of ${options.repository}`, refSchema, () => octokit.git.getRef({ ...where, ref: `heads/${input.base}` }));
    const entries: { path: string; mode: "100644"; type: "blob"; sha: string }[] = [];
    for (const file of input.files) {
      const blob = await call(`uploading ${file.path}`, shaSchema, () => octokit.git.createBlob({ ...where, content: file.after, encoding: "utf-8" }));
      entries.push({ path: file.path, mode: "100644", type: "blob", sha: blob.sha });
    }
    let head = await branchHead(input.branch, `reading branch "${input.branch}"`);
    // Two attempts: the branch may be created or moved between our read and our write.
    for (let attempt = 0; ; attempt++) {
      const parent = await call("reading the parent commit", commitSchema, () => octokit.git.getCommit({ ...where, commit_sha: head ?? base.object.sha }));
      const tree = await call("creating the tree", shaSchema, () =>
        octokit.git.createTree({ ...where, base_tree: parent.tree.sha, tree: entries }),
      );
      // Same content as the branch already holds: no empty commit.
      if (head && tree.sha === parent.tree.sha) return head;
      const commit = await call("creating the commit", shaSchema, () =>
        octokit.git.createCommit({ ...where, message: input.commitMessage, tree: tree.sha, parents: [parent.sha], author: input.author }),
      );
      try {
        if (head) await call(`moving branch "${input.branch}"`, z.unknown(), () => octokit.git.updateRef({ ...where, ref: `heads/${input.branch}`, sha: commit.sha, force: false }));
        else await call(`creating branch "${input.branch}"`, z.unknown(), () => octokit.git.createRef({ ...where, ref: `refs/heads/${input.branch}`, sha: commit.sha }));
        return commit.sha;
      } catch (error) {
        const raced = error instanceof ForgeRequestError && error.forgeStatus === 422 && /already exists|not a fast forward/i.test(error.forgeMessage);
        if (!raced || attempt > 0) throw error;
        head = await branchHead(input.branch, `reading branch "${input.branch}"`);
      }
    }
  }

  async function findOpenPull(branch: string, base: string): Promise<Pull | null> {
    const pulls = await call(`looking for an open pull request from "${branch}"`, z.array(pullSchema), () =>
      octokit.pulls.list({ ...where, head: `${owner}:${branch}`, base, state: "open", per_page: 10 }),
    );
    return pulls[0] ?? null;
  }

  async function createOrUpdatePull(input: OpenPullRequestInput): Promise<Pull> {
    const update = (pr: Pull) =>
      call(`updating pull request #${pr.number}`, pullSchema, () => octokit.pulls.update({ ...where, pull_number: pr.number, title: input.title, body: input.body }));
    const existing = await findOpenPull(input.branch, input.base);
    if (existing) return update(existing);
    try {
      return await call("creating the pull request", pullSchema, () =>
        octokit.pulls.create({ ...where, head: input.branch, base: input.base, title: input.title, body: input.body, draft: input.draft }),
      );
    } catch (error) {
      // Opened concurrently by another request for the same branch: update that one.
      if (!(error instanceof ForgeRequestError && /A pull request already exists/.test(error.forgeMessage))) throw error;
      const raced = await findOpenPull(input.branch, input.base);
      if (!raced) throw error;
      return update(raced);
    }
  }

  return {
    name: "github",

    async readFile(path, ref) {
      assertRepositoryPath("GitHub", path);
      const data = await callOrNull(`reading ${path} at ${ref}`, z.union([fileSchema, z.array(z.unknown())]), () => octokit.repos.getContent({ ...where, path, ref }));
      if (data === null) return null;
      if (Array.isArray(data) || data.type !== "file") {
        throw new AppError("unprocessable", { userMessage: `GitHub: ${path} at ${ref} is a ${Array.isArray(data) ? "directory" : data.type}, not a file.` });
      }
      if (data.encoding === "base64") return Buffer.from(data.content ?? "", "base64").toString("utf8");
      // Files over 1 MB come back with encoding "none": fetch the blob instead.
      const blob = await call(`reading ${path} at ${ref}`, z.object({ content: z.string() }), () => octokit.git.getBlob({ ...where, file_sha: data.sha }));
      return Buffer.from(blob.content, "base64").toString("utf8");
    },

    async listFiles(folder, ref) {
      const prefix = normaliseFolder(folder);
      const getTree = (treeSha: string, recursive: boolean) =>
        call(`listing ${prefix || "/"} at ${ref}`, treeSchema, () => octokit.git.getTree({ ...where, tree_sha: treeSha, ...(recursive ? { recursive: "1" } : {}) }));
      const root = await getTree(ref, true);
      const inFolder = (p: string) => prefix === "" || p.startsWith(`${prefix}/`);
      if (!root.truncated) return root.tree.filter((e) => e.type === "blob" && inFolder(e.path)).map((e) => e.path).sort();
      // Truncated (over GitHub's limit): walk down to the folder, then tree by tree.
      let sha = root.sha;
      for (const segment of prefix ? prefix.split("/") : []) {
        const next = (await getTree(sha, false)).tree.find((e) => e.path === segment && e.type === "tree");
        if (!next) return [];
        sha = next.sha;
      }
      const files: string[] = [];
      const queue = [{ sha, path: prefix }];
      for (let item = queue.shift(); item; item = queue.shift()) {
        for (const entry of (await getTree(item.sha, false)).tree) {
          const full = item.path ? `${item.path}/${entry.path}` : entry.path;
          if (entry.type === "tree") queue.push({ sha: entry.sha, path: full });
          else if (entry.type === "blob") files.push(full);
        }
      }
      return files.sort();
    },

    async openPullRequest(input): Promise<PullRequestRef> {
      if (input.files.length === 0) throw new AppError("invalid_request", { userMessage: "GitHub: a pull request needs at least one file." });
      for (const file of input.files) assertRepositoryPath("GitHub", file.path);
      const commit = await commitFiles(input);
      const pr = await createOrUpdatePull(input);
      if (input.labels.length > 0) {
        await call(`labelling pull request #${pr.number}`, z.unknown(), () => octokit.issues.addLabels({ ...where, issue_number: pr.number, labels: input.labels }));
      }
      const reviewers = splitReviewers(input.reviewers, pr);
      if (reviewers.users.length + reviewers.teams.length > 0) {
        await call(`requesting reviewers on pull request #${pr.number}`, z.unknown(), () =>
          octokit.pulls.requestReviewers({ ...where, pull_number: pr.number, reviewers: reviewers.users, team_reviewers: reviewers.teams }),
        );
      }
      return { provider: "github", number: pr.number, url: pr.html_url, branch: input.branch, commit };
    },

    async getStatus(ref): Promise<PullRequestStatus> {
      const pr = await call(`reading pull request #${ref.number}`, pullSchema, () => octokit.pulls.get({ ...where, pull_number: ref.number }));
      let reviews: unknown;
      try {
        reviews = await octokit.paginate(octokit.pulls.listReviews, { ...where, pull_number: ref.number, per_page: 100 });
      } catch (error) {
        throw toForgeError(error, `reading reviews of pull request #${ref.number}`, baseUrl);
      }
      const parsed = z.array(reviewSchema).parse(reviews);
      return {
        state: pr.merged ? "merged" : pr.state === "open" ? "open" : "closed",
        approvedBy: latestApprovals(parsed.map((r) => ({ login: r.user?.login ?? null, state: r.state }))),
      };
    },
  };
}

/**
 * Reviewers are logins ("alice") or teams ("acme/security", "@acme/security": the slug after "/").
 * The author cannot be requested (GitHub answers 422), nor can anyone already requested.
 */
function splitReviewers(reviewers: string[], pr: Pull): { users: string[]; teams: string[] } {
  const author = pr.user?.login.toLowerCase();
  const already = new Set((pr.requested_reviewers ?? []).map((r) => r.login.toLowerCase()));
  const users: string[] = [];
  const teams: string[] = [];
  for (const raw of reviewers) {
    const name = raw.trim().replace(/^@/, "");
    if (!name) continue;
    if (name.includes("/")) teams.push(name.slice(name.lastIndexOf("/") + 1));
    else if (name.toLowerCase() !== author && !already.has(name.toLowerCase())) users.push(name);
  }
  return { users: [...new Set(users)], teams: [...new Set(teams)] };
}

function toForgeError(error: unknown, operation: string, baseUrl: string): ForgeRequestError {
  const parsed = octokitErrorSchema.safeParse(error);
  const message = error instanceof Error ? error.message : String(error);
  // Octokit reports network failures as status 500 without a response.
  if (!parsed.success || !parsed.data.response) {
    return new ForgeRequestError({ forge: "GitHub", operation, forgeStatus: null, forgeMessage: message, cause: error });
  }
  const { status, request, response } = parsed.data;
  const body = errorBodySchema.safeParse(response.data);
  const details = body.success ? [body.data.message, ...(body.data.errors ?? []).map(describeValidationError)].filter(Boolean).join(": ") : "";
  const path = request.url.startsWith(baseUrl) ? request.url.slice(baseUrl.length) : new URL(request.url).pathname;
  return new ForgeRequestError({ forge: "GitHub", operation, forgeStatus: status, forgeMessage: details || message, method: request.method, path: path.split("?")[0], cause: error });
}

/** GitHub's `errors` entries are strings or {resource, field, code, message}. */
function describeValidationError(entry: unknown): string {
  if (typeof entry === "string") return entry;
  const e = z.object({ message: z.string().optional(), field: z.string().optional(), code: z.string().optional() }).safeParse(entry);
  if (!e.success) return "";
  return e.data.message ?? [e.data.field, e.data.code].filter(Boolean).join(" ");
}
