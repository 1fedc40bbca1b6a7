/**
 * GitLab's repository endpoints used by the provider: branches, commits with actions, repository
 * files (metadata and raw) and the repository tree, over the real git repository.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { GitTreeChange } from "./git-repository";
import { branchHead, commitJson, glError, parseParams, resolveProject, resolveRef, type GitlabContext, type GitlabUserRecord } from "./gitlab-context";
import { HttpError, paginate, type Router } from "./http-kit";

const actionSchema = z.object({
  action: z.enum(["create", "delete", "move", "update", "chmod"]),
  file_path: z.string(),
  previous_path: z.string().optional(),
  content: z.string().optional(),
  encoding: z.enum(["text", "base64"]).optional(),
  execute_filemode: z.boolean().optional(),
});
const commitSchema = z.object({
  branch: z.string(),
  commit_message: z.string(),
  start_branch: z.string().optional(),
  start_sha: z.string().optional(),
  actions: z.array(actionSchema),
  author_email: z.string().optional(),
  author_name: z.string().optional(),
  force: z.boolean().optional(),
});

type User = GitlabUserRecord | null;

export function addRepositoryRoutes(router: Router<User>, ctx: GitlabContext): void {
  const P = "/projects/:id/repository";

  router.add(`GET ${P}/branches/:branch`, async ({ params, user }) => {
    resolveProject(ctx, params.id, user);
    const name = params.branch ?? "";
    const head = await branchHead(ctx, name);
    if (!head) throw glError(404, "404 Branch Not Found");
    return { status: 200, body: await branchJson(ctx, name, head) };
  });

  router.add(`POST ${P}/commits`, async ({ params, user, body }) => {
    const actor = resolveProject(ctx, params.id, user);
    const input = parseParams(commitSchema, body);
    const head = await branchHead(ctx, input.branch);
    let parent = head;
    if (input.start_branch !== undefined || input.start_sha !== undefined) {
      if (head && input.start_branch !== input.branch && !input.force) {
        throw glError(400, `A branch called '${input.branch}' already exists. Switch to that branch in order to make changes`);
      }
      parent = input.start_sha ? await ctx.repo.resolveCommit(input.start_sha) : await branchHead(ctx, input.start_branch ?? "");
      if (!parent) throw glError(400, input.start_sha ? "Invalid start SHA" : "Invalid start branch name");
    } else if (!head) {
      throw glError(400, "You can only create or edit files when you are on a branch");
    }
    if (!parent) throw glError(400, "You can only create or edit files when you are on a branch");
    const existing = new Set((await ctx.repo.listTree(parent, { recursive: true })).filter((e) => e.type !== "tree").map((e) => e.path));
    const changes: GitTreeChange[] = [];
    for (const action of input.actions) changes.push(...(await applyAction(ctx, action, existing, parent)));
    const tree = await ctx.repo.buildTree(parent, changes);
    const author = { name: input.author_name ?? actor.name, email: input.author_email ?? actor.email };
    const sha = await ctx.repo.createCommit({ tree, parents: [parent], message: input.commit_message, author, committer: { name: actor.name, email: actor.email } });
    // The branch must still be where we read it (with force, start_branch replaces it).
    if (!(await ctx.repo.updateRef(`refs/heads/${input.branch}`, sha, head))) {
      throw glError(400, "Could not update the branch: it was changed concurrently");
    }
    const stats = await ctx.repo.git(["diff", "--numstat", parent, sha]);
    const rows = stats.split("\n").filter(Boolean).map((l) => l.split("\t"));
    const additions = rows.reduce((n, r) => n + (Number(r[0]) || 0), 0);
    const deletions = rows.reduce((n, r) => n + (Number(r[1]) || 0), 0);
    return {
      status: 201,
      body: { ...commitJson(ctx, await ctx.repo.readCommit(sha)), stats: { additions, deletions, total: additions + deletions }, status: null, project_id: ctx.projectId, last_pipeline: null },
    };
  });

  router.add(`GET ${P}/files/:file_path`, async ({ params, user, query }) => {
    resolveProject(ctx, params.id, user);
    const ref = query.get("ref");
    if (!ref) throw new HttpError(400, { error: "ref is missing" });
    const { commit, entry } = await findFile(ctx, ref, params.file_path ?? "");
    const content = await ctx.repo.readBlob(entry.sha);
    return {
      status: 200,
      body: {
        file_name: entry.path.split("/").pop(),
        file_path: entry.path,
        size: content.length,
        encoding: "base64",
        content_sha256: createHash("sha256").update(content).digest("hex"),
        ref,
        blob_id: entry.sha,
        commit_id: commit,
        last_commit_id: await ctx.repo.lastCommitFor(commit, entry.path),
        execute_filemode: entry.mode === "100755",
        content: content.toString("base64"),
      },
    };
  });

  router.add(`GET ${P}/files/:file_path/raw`, async ({ params, user, query }) => {
    resolveProject(ctx, params.id, user);
    const { entry } = await findFile(ctx, query.get("ref") ?? ctx.defaultBranch, params.file_path ?? "");
    const content = await ctx.repo.readBlob(entry.sha);
    return { status: 200, body: content.toString("utf8"), contentType: "text/plain; charset=utf-8" };
  });

  router.add(`GET ${P}/tree`, async ({ params, user, query, url }) => {
    resolveProject(ctx, params.id, user);
    const commit = await resolveRef(ctx, query.get("ref") ?? ctx.defaultBranch);
    if (!commit) throw glError(404, "404 Tree Not Found");
    const folder = (query.get("path") ?? "").replace(/^\/+|\/+$/g, "");
    const tree = folder ? await ctx.repo.resolvePath(commit, folder) : await ctx.repo.resolveTree(commit);
    if (!tree || (await ctx.repo.objectType(tree)) !== "tree") throw glError(404, "404 Tree Not Found");
    const recursive = query.get("recursive") === "true";
    const entries = (await ctx.repo.listTree(tree, { recursive })).map((e) => {
      const full = folder ? `${folder}/${e.path}` : e.path;
      return { id: e.sha, name: full.split("/").pop() ?? full, type: e.type, path: full, mode: e.mode };
    });
    const { page, headers } = paginate(entries, url, { defaultPerPage: 20, maxPerPage: 100, gitlabHeaders: true });
    return { status: 200, body: page, headers };
  });
}

async function findFile(ctx: GitlabContext, ref: string, file: string) {
  const commit = await resolveRef(ctx, ref);
  if (!commit) throw glError(404, "404 Commit Not Found");
  const [entry] = file ? await ctx.repo.listTree(commit, { path: file }) : [];
  if (!entry || entry.path !== file || entry.type !== "blob") throw glError(404, "404 File Not Found");
  return { commit, entry };
}

async function applyAction(ctx: GitlabContext, action: z.infer<typeof actionSchema>, existing: Set<string>, parent: string): Promise<GitTreeChange[]> {
  const file = action.file_path.replace(/^\/+/, "");
  if (!file || file.split("/").some((s) => s === "" || s === "." || s === ".." || s === ".git")) throw glError(400, "Your changes could not be committed, because the file path is invalid");
  const exists = existing.has(file);
  const blob = async () => ctx.repo.writeBlob(Buffer.from(action.content ?? "", action.encoding === "base64" ? "base64" : "utf8"));
  const mode = action.execute_filemode ? "100755" : "100644";
  switch (action.action) {
    case "create":
      if (exists) throw glError(400, "A file with this name already exists");
      existing.add(file);
      return [{ path: file, mode, sha: await blob() }];
    case "update":
      if (!exists) throw glError(400, "A file with this name doesn't exist");
      return [{ path: file, mode, sha: await blob() }];
    case "delete":
      if (!exists) throw glError(400, "A file with this name doesn't exist");
      existing.delete(file);
      return [{ path: file, mode, sha: null }];
    case "move": {
      const from = (action.previous_path ?? "").replace(/^\/+/, "");
      if (!existing.has(from)) throw glError(400, "A file with this name doesn't exist");
      if (exists) throw glError(400, "A file with this name already exists");
      existing.delete(from);
      existing.add(file);
      const [old] = await ctx.repo.listTree(parent, { path: from });
      const sha = action.content !== undefined ? await blob() : (old?.sha ?? (await blob()));
      return [{ path: from, mode, sha: null }, { path: file, mode, sha }];
    }
    case "chmod":
      throw glError(400, "chmod is not supported by the GitLab stand-in");
  }
}

async function branchJson(ctx: GitlabContext, name: string, head: string) {
  return {
    name,
    commit: commitJson(ctx, await ctx.repo.readCommit(head)),
    merged: false,
    protected: name === ctx.defaultBranch,
    developers_can_push: false,
    developers_can_merge: false,
    can_push: true,
    default: name === ctx.defaultBranch,
    web_url: `${ctx.url}/${ctx.path}/-/tree/${name}`,
  };
}
