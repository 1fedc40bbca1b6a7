/**
 * GitLab change provider (@gitbeaker/rest). One commit with an action per file (create or update,
 * decided by whether the file exists where the commit lands); a new branch is created by that same
 * commit (start_sha = the base head), so a failed commit never leaves an empty branch behind.
 * Draft is GitLab's "Draft: " title prefix. Reopening the same branch updates its open MR.
 */
import "server-only";
import { Branches, Commits, MergeRequestApprovals, MergeRequests, Repositories, RepositoryFiles, Users } from "@gitbeaker/rest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { assertRepositoryPath, ForgeRequestError, normaliseFolder } from "./forge-error";
import type { ChangeProvider, OpenPullRequestInput, PullRequestRef, PullRequestStatus } from "./types";

export interface GitlabProviderOptions {
  token: string;
  /** Numeric id ("42") or full path ("platform/terraform"). */
  project: string;
  /** Instance URL, e.g. "https://gitlab.example.com" (the API is under /api/v4). */
  url: string;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
}

const branchSchema = z.object({ commit: z.object({ id: z.string() }) });
const fileSchema = z.object({ content: z.string(), encoding: z.string() });
const commitSchema = z.object({ id: z.string() });
const mergeRequestSchema = z.object({
  iid: z.number().int(),
  web_url: z.string(),
  state: z.string(),
  reviewers: z.array(z.object({ id: z.number() })).nullish(),
});
const approvalsSchema = z.object({ approved_by: z.array(z.object({ user: z.object({ username: z.string() }) })).nullish() });
const treeSchema = z.array(z.object({ path: z.string(), type: z.string() }));
const usersSchema = z.array(z.object({ id: z.number(), username: z.string() }));
const gitbeakerErrorSchema = z.object({
  cause: z.object({
    description: z.unknown(),
    request: z.object({ method: z.string(), url: z.string() }),
    response: z.object({ status: z.number() }),
  }),
});

type MergeRequest = z.infer<typeof mergeRequestSchema>;

const DRAFT_PREFIX = /^\s*(\[draft\]|\(draft\)|draft:)\s*/i;

export function createGitlabProvider(options: GitlabProviderOptions): ChangeProvider {
  const host = options.url.replace(/\/+$/, "").replace(/\/api\/v4$/, "");
  const project = /^\d+$/.test(options.project) ? Number(options.project) : options.project;
  const config = { host, token: options.token, queryTimeout: options.timeoutMs ?? 30_000 };
  const api = {
    branches: new Branches(config),
    commits: new Commits(config),
    files: new RepositoryFiles(config),
    repositories: new Repositories(config),
    mergeRequests: new MergeRequests(config),
    approvals: new MergeRequestApprovals(config),
    users: new Users(config),
  };

  async function call<S extends z.ZodType>(operation: string, schema: S, request: () => Promise<unknown>): Promise<z.output<S>> {
    let data: unknown;
    try {
      data = await request();
    } catch (error) {
      throw toForgeError(error, operation);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new ForgeRequestError({ forge: "GitLab", operation, forgeStatus: 200, forgeMessage: `with an unexpected body (${parsed.error.issues[0]?.message ?? "invalid"})` });
    }
    return parsed.data;
  }

  async function callOrNull<S extends z.ZodType>(operation: string, schema: S, request: () => Promise<unknown>): Promise<z.output<S> | null> {
    try {
      return await call(operation, schema, request);
    } catch (error) {
      if (error instanceof ForgeRequestError && error.forgeStatus === 404) return null;
      throw error;
    }
  }

  const branchHead = (branch: string) =>
    callOrNull(`reading branch "${branch}"`, branchSchema, () => api.branches.show(project, branch)).then((b) => b?.commit.id ?? null);

  /** Content of a file at a commit, or null when it does not exist there. */
  async function fileAt(path: string, sha: string): Promise<string | null> {
    const file = await callOrNull(`reading ${path}`, fileSchema, () => api.files.show(project, path, sha));
    if (!file) return null;
    return file.encoding === "base64" ? Buffer.from(file.content, "base64").toString("utf8") : file.content;
  }

  async function commitFiles(input: OpenPullRequestInput): Promise<string> {
    const base = await call(`reading base branch "${input.base}" of ${options.project}`, branchSchema, () => api.branches.show(project, input.base));
    let head = await branchHead(input.branch);
    // Two attempts: the branch may be created or moved between our read and our commit.
    for (let attempt = 0; ; attempt++) {
      const parent = head ?? base.commit.id;
      const actions: { action: "create" | "update"; filePath: string; content: string }[] = [];
      for (const file of input.files) {
        const current = await fileAt(file.path, parent);
        // On an existing branch, unchanged files are left out: reopening with the same content adds no commit.
        if (head && current === file.after) continue;
        actions.push({ action: current === null ? "create" : "update", filePath: file.path, content: file.after });
      }
      if (head && actions.length === 0) return head;
      try {
        const commit = await call(`committing to branch "${input.branch}"`, commitSchema, () =>
          api.commits.create(project, input.branch, input.commitMessage, actions, {
            ...(head ? {} : { startSha: base.commit.id }),
            authorName: input.author.name,
            authorEmail: input.author.email,
          }),
        );
        return commit.id;
      } catch (error) {
        const raced = error instanceof ForgeRequestError && error.forgeStatus === 400 && /already exists|doesn't exist|changed concurrently/i.test(error.forgeMessage);
        if (!raced || attempt > 0) throw error;
        head = await branchHead(input.branch);
      }
    }
  }

  /** Usernames (with or without "@") or numeric ids; names GitLab does not know are skipped. */
  async function resolveReviewerIds(reviewers: string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const raw of reviewers) {
      const name = raw.trim().replace(/^@/, "");
      if (/^\d+$/.test(name)) ids.push(Number(name));
      else if (name && !name.includes("/")) {
        const users = await callOrNull(`looking up reviewer ${name}`, usersSchema, () => api.users.all({ username: name }));
        const user = users?.find((u) => u.username.toLowerCase() === name.toLowerCase());
        if (user) ids.push(user.id);
      }
    }
    return [...new Set(ids)];
  }

  async function findOpenMergeRequest(branch: string, base: string): Promise<MergeRequest | null> {
    const list = await call(`looking for an open merge request from "${branch}"`, z.array(mergeRequestSchema), () =>
      api.mergeRequests.all({ projectId: project, sourceBranch: branch, targetBranch: base, state: "opened", perPage: 20, maxPages: 1 }),
    );
    return list[0] ?? null;
  }

  async function createOrUpdateMergeRequest(input: OpenPullRequestInput): Promise<MergeRequest> {
    const title = input.draft ? `Draft: ${input.title.replace(DRAFT_PREFIX, "")}` : input.title.replace(DRAFT_PREFIX, "");
    const reviewerIds = await resolveReviewerIds(input.reviewers);
    const labels = input.labels.join(",");
    const update = (mr: MergeRequest) =>
      call(`updating merge request !${mr.iid}`, mergeRequestSchema, () =>
        api.mergeRequests.edit(project, mr.iid, {
          title,
          description: input.body,
          ...(labels ? { addLabels: labels } : {}),
          ...(reviewerIds.length > 0 ? { reviewerIds: [...new Set([...(mr.reviewers ?? []).map((r) => r.id), ...reviewerIds])] } : {}),
        }),
      );
    const existing = await findOpenMergeRequest(input.branch, input.base);
    if (existing) return update(existing);
    try {
      return await call("creating the merge request", mergeRequestSchema, () =>
        api.mergeRequests.create(project, input.branch, input.base, title, {
          description: input.body,
          ...(labels ? { labels } : {}),
          ...(reviewerIds.length > 0 ? { reviewerIds } : {}),
          removeSourceBranch: true,
        }),
      );
    } catch (error) {
      // Opened concurrently for the same branch (GitLab answers 409): update that one.
      if (!(error instanceof ForgeRequestError && error.forgeStatus === 409)) throw error;
      const raced = await findOpenMergeRequest(input.branch, input.base);
      if (!raced) throw error;
      return update(raced);
    }
  }

  return {
    name: "gitlab",

    async readFile(path, ref) {
      assertRepositoryPath("GitLab", path);
      const raw = await callOrNull(`reading ${path} at ${ref}`, z.union([z.string(), z.instanceof(Blob)]), () => api.files.showRaw(project, path, ref));
      if (raw === null) return null;
      return typeof raw === "string" ? raw : raw.text();
    },

    async listFiles(folder, ref) {
      const prefix = normaliseFolder(folder);
      const entries = await callOrNull(`listing ${prefix || "/"} at ${ref}`, treeSchema, () =>
        api.repositories.allRepositoryTrees(project, { ...(prefix ? { path: prefix } : {}), ref, recursive: true, perPage: 100 }),
      );
      return (entries ?? []).filter((e) => e.type === "blob").map((e) => e.path).sort();
    },

    async openPullRequest(input): Promise<PullRequestRef> {
      if (input.files.length === 0) throw new AppError("invalid_request", { userMessage: "GitLab: a merge request needs at least one file." });
      for (const file of input.files) assertRepositoryPath("GitLab", file.path);
      const commit = await commitFiles(input);
      const mr = await createOrUpdateMergeRequest(input);
      return { provider: "gitlab", number: mr.iid, url: mr.web_url, branch: input.branch, commit };
    },

    async getStatus(ref): Promise<PullRequestStatus> {
      const mr = await call(`reading merge request !${ref.number}`, mergeRequestSchema, () => api.mergeRequests.show(project, ref.number));
      const approvals = await call(`reading approvals of merge request !${ref.number}`, approvalsSchema, () =>
        api.approvals.showConfiguration(project, { mergerequestIId: ref.number }),
      );
      // "locked" is a transient state of an open merge request.
      const state = mr.state === "merged" ? "merged" : mr.state === "closed" ? "closed" : "open";
      return { state, approvedBy: (approvals.approved_by ?? []).map((a) => a.user.username) };
    },
  };
}

function toForgeError(error: unknown, operation: string): ForgeRequestError {
  const parsed = gitbeakerErrorSchema.safeParse(error);
  const message = error instanceof Error ? error.message : String(error);
  if (!parsed.success) return new ForgeRequestError({ forge: "GitLab", operation, forgeStatus: null, forgeMessage: message, cause: error });
  const { description, request, response } = parsed.data.cause;
  const path = new URL(request.url).pathname;
  const forgeMessage = typeof description === "string" ? description : JSON.stringify(description);
  return new ForgeRequestError({ forge: "GitLab", operation, forgeStatus: response.status, forgeMessage: forgeMessage || message, method: request.method, path, cause: error });
}
