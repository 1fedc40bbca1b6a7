/**
 * GitHub's Git Data API (refs, commits, blobs, trees) and the repository contents API, over the
 * real git repository. Status codes and messages follow docs.github.com/rest/git and /repos/contents.
 */
import { z } from "zod";
import type { GitTreeChange } from "./git-repository";
import {
  assertRepository,
  branchHead,
  ghError,
  gitCommitJson,
  notFound,
  parseBody,
  refJson,
  repoApi,
  type GithubContext,
  type GithubUserRecord,
} from "./github-context";
import { notifyBranchUpdated } from "./github-pulls";
import type { Router } from "./http-kit";

const DOCS = {
  getRef: "https://docs.github.com/rest/git/refs#get-a-reference",
  createRef: "https://docs.github.com/rest/git/refs#create-a-reference",
  updateRef: "https://docs.github.com/rest/git/refs#update-a-reference",
  getCommit: "https://docs.github.com/rest/git/commits#get-a-commit-object",
  createCommit: "https://docs.github.com/rest/git/commits#create-a-commit",
  createBlob: "https://docs.github.com/rest/git/blobs#create-a-blob",
  getBlob: "https://docs.github.com/rest/git/blobs#get-a-blob",
  createTree: "https://docs.github.com/rest/git/trees#create-a-tree",
  getTree: "https://docs.github.com/rest/git/trees#get-a-tree",
  contents: "https://docs.github.com/rest/repos/contents#get-repository-content",
};

const SHA = z.string().regex(/^[0-9a-f]{40}$/);
const MODES = ["100644", "100755", "040000", "160000", "120000"] as const;
/** GitHub answers files over 1 MB with encoding "none" and empty content (use the blobs API). */
const CONTENTS_MAX = 1024 * 1024;

const personSchema = z.object({ name: z.string(), email: z.string(), date: z.string().optional() });
const createRefSchema = z.object({ ref: z.string(), sha: z.string() });
const updateRefSchema = z.object({ sha: z.string(), force: z.boolean().optional() });
const createBlobSchema = z.object({ content: z.string(), encoding: z.string().optional() });
const createCommitSchema = z.object({
  message: z.string(),
  tree: z.string(),
  parents: z.array(z.string()).optional(),
  author: personSchema.optional(),
  committer: personSchema.optional(),
});
const treeEntrySchema = z.object({
  path: z.string(),
  mode: z.enum(MODES),
  type: z.enum(["blob", "tree", "commit"]),
  sha: z.string().nullable().optional(),
  content: z.string().optional(),
});
const createTreeSchema = z.object({ tree: z.array(treeEntrySchema), base_tree: z.string().optional() });

type User = GithubUserRecord | null;

export function addGitRoutes(router: Router<User>, ctx: GithubContext): void {
  const R = "/repos/:owner/:repo";

  router.add(`GET ${R}/git/ref/*ref`, async ({ params, user }) => {
    assertRepository(ctx, params, user);
    const ref = `refs/${params.ref ?? ""}`;
    const sha = ref.startsWith("refs/heads/") || ref.startsWith("refs/tags/") ? await ctx.repo.resolveCommit(ref) : null;
    if (!sha) throw notFound(DOCS.getRef);
    return { status: 200, body: refJson(ctx, ref, sha) };
  });

  router.add(`POST ${R}/git/refs`, async ({ params, user, body }) => {
    assertRepository(ctx, params, user);
    const input = parseBody(createRefSchema, body, DOCS.createRef);
    if (!/^refs\/(heads|tags)\/./.test(input.ref) || !(await validRefName(ctx, input.ref))) throw ghError(422, "Reference name is invalid", DOCS.createRef);
    if ((await ctx.repo.objectType(input.sha)) !== "commit") throw ghError(422, "Object does not exist", DOCS.createRef);
    if (!(await ctx.repo.updateRef(input.ref, input.sha, null))) throw ghError(422, "Reference already exists", DOCS.createRef);
    const body201 = refJson(ctx, input.ref, input.sha);
    return { status: 201, body: body201, headers: { Location: body201.url } };
  });

  router.add(`PATCH ${R}/git/refs/*ref`, async ({ params, user, body }) => {
    const actor = assertRepository(ctx, params, user);
    const input = parseBody(updateRefSchema, body, DOCS.updateRef);
    const ref = `refs/${params.ref ?? ""}`;
    const current = await ctx.repo.resolveCommit(ref);
    if (!current) throw ghError(422, "Reference does not exist", DOCS.updateRef);
    if ((await ctx.repo.objectType(input.sha)) !== "commit") throw ghError(422, "Object does not exist", DOCS.updateRef);
    if (!input.force && !(await ctx.repo.isAncestor(current, input.sha))) throw ghError(422, "Update is not a fast forward", DOCS.updateRef);
    if (!(await ctx.repo.updateRef(ref, input.sha, current))) throw ghError(422, "Reference cannot be updated", DOCS.updateRef);
    await notifyBranchUpdated(ctx, ref, actor);
    return { status: 200, body: refJson(ctx, ref, input.sha) };
  });

  router.add(`GET ${R}/git/commits/:sha`, async ({ params, user }) => {
    assertRepository(ctx, params, user);
    const sha = params.sha ?? "";
    if ((await ctx.repo.objectType(sha)) !== "commit") throw notFound(DOCS.getCommit);
    return { status: 200, body: gitCommitJson(ctx, await ctx.repo.readCommit(sha)) };
  });

  router.add(`POST ${R}/git/commits`, async ({ params, user, body }) => {
    const actor = assertRepository(ctx, params, user);
    const input = parseBody(createCommitSchema, body, DOCS.createCommit);
    if ((await ctx.repo.objectType(input.tree)) !== "tree") throw ghError(422, "Tree SHA does not exist", DOCS.createCommit);
    for (const parent of input.parents ?? []) {
      if ((await ctx.repo.objectType(parent)) !== "commit") throw ghError(422, "Parent SHA does not exist or is not a commit object", DOCS.createCommit);
    }
    const now = new Date();
    const person = (p: z.infer<typeof personSchema> | undefined) =>
      p ? { name: p.name, email: p.email, date: p.date ? new Date(p.date) : now } : { name: actor.name, email: actor.email, date: now };
    const author = person(input.author);
    const sha = await ctx.repo.createCommit({
      tree: input.tree,
      parents: input.parents ?? [],
      message: input.message,
      author,
      // GitHub: "By default, committer will use the information set in author."
      committer: input.committer ? person(input.committer) : author,
    });
    const json = gitCommitJson(ctx, await ctx.repo.readCommit(sha));
    return { status: 201, body: json, headers: { Location: json.url } };
  });

  router.add(`POST ${R}/git/blobs`, async ({ params, user, body }) => {
    assertRepository(ctx, params, user);
    const input = parseBody(createBlobSchema, body, DOCS.createBlob);
    const encoding = input.encoding ?? "utf-8";
    if (encoding !== "utf-8" && encoding !== "base64") throw ghError(422, `encoding must be either 'utf-8' or 'base64'`, DOCS.createBlob);
    const sha = await ctx.repo.writeBlob(Buffer.from(input.content, encoding === "base64" ? "base64" : "utf8"));
    const url = `${repoApi(ctx)}/git/blobs/${sha}`;
    return { status: 201, body: { url, sha }, headers: { Location: url } };
  });

  router.add(`GET ${R}/git/blobs/:sha`, async ({ params, user }) => {
    assertRepository(ctx, params, user);
    const sha = params.sha ?? "";
    if ((await ctx.repo.objectType(sha)) !== "blob") throw notFound(DOCS.getBlob);
    const content = await ctx.repo.readBlob(sha);
    return { status: 200, body: { sha, node_id: `B_${sha}`, size: content.length, url: `${repoApi(ctx)}/git/blobs/${sha}`, content: wrap64(content), encoding: "base64" } };
  });

  router.add(`POST ${R}/git/trees`, async ({ params, user, body }) => {
    assertRepository(ctx, params, user);
    const input = parseBody(createTreeSchema, body, DOCS.createTree);
    if (input.base_tree !== undefined && (await ctx.repo.objectType(input.base_tree)) !== "tree") throw ghError(422, "base_tree is not a valid tree oid", DOCS.createTree);
    const changes = await treeChanges(ctx, input.tree);
    const sha = await ctx.repo.buildTree(input.base_tree ?? null, changes);
    return { status: 201, body: await treeJson(ctx, sha, false), headers: { Location: `${repoApi(ctx)}/git/trees/${sha}` } };
  });

  router.add(`GET ${R}/git/trees/*tree_sha`, async ({ params, user, query }) => {
    assertRepository(ctx, params, user);
    // tree_sha: "The SHA1 value or ref (branch or tag) name of the tree."
    const name = params.tree_sha ?? "";
    const sha = SHA.safeParse(name).success ? ((await ctx.repo.objectType(name)) === "tree" ? name : await ctx.repo.resolveTree(name)) : await resolveNamedTree(ctx, name);
    if (!sha) throw notFound(DOCS.getTree);
    // "Setting this parameter to any value returns the objects or subtrees referenced by the tree."
    return { status: 200, body: await treeJson(ctx, sha, query.has("recursive")) };
  });

  router.add(`GET ${R}/contents/*path`, async ({ params, user, query }) => {
    assertRepository(ctx, params, user);
    const ref = query.get("ref") ?? ctx.defaultBranch;
    const commit = (await branchHead(ctx, ref)) ?? (await ctx.repo.resolveCommit(`refs/tags/${ref}`)) ?? (SHA.safeParse(ref).success ? await ctx.repo.resolveCommit(ref) : null);
    if (!commit) throw ghError(404, `No commit found for the ref ${ref}`, DOCS.contents);
    const file = (params.path ?? "").replace(/\/+$/, "");
    const [entry] = await ctx.repo.listTree(commit, { path: file });
    if (!entry || entry.path !== file) throw notFound(DOCS.contents);
    if (entry.type === "tree") {
      const children = await ctx.repo.listTree(`${commit}:${file}`);
      return { status: 200, body: children.map((c) => contentEntry(ctx, { ...c, path: `${file}/${c.path}` }, ref)) };
    }
    const content = await ctx.repo.readBlob(entry.sha);
    const large = content.length > CONTENTS_MAX;
    return {
      status: 200,
      body: { ...contentEntry(ctx, entry, ref), content: large ? "" : wrap64(content), encoding: large ? "none" : "base64" },
    };
  });
}

async function validRefName(ctx: GithubContext, ref: string): Promise<boolean> {
  try {
    await ctx.repo.git(["check-ref-format", ref]);
    return true;
  } catch {
    return false;
  }
}

async function resolveNamedTree(ctx: GithubContext, name: string): Promise<string | null> {
  const commit = (await branchHead(ctx, name)) ?? (await ctx.repo.resolveCommit(`refs/tags/${name}`));
  return commit ? ctx.repo.resolveTree(commit) : null;
}

async function treeChanges(ctx: GithubContext, entries: z.infer<typeof treeEntrySchema>[]): Promise<GitTreeChange[]> {
  const changes: GitTreeChange[] = [];
  for (const entry of entries) {
    const segments = entry.path.split("/");
    if (entry.path.startsWith("/") || segments.some((s) => s === "" || s === "." || s === ".." || s === ".git")) {
      throw ghError(422, `tree.path contains a malformed path component`, DOCS.createTree);
    }
    if (entry.content !== undefined && entry.sha !== undefined) throw ghError(422, "Must supply either tree.sha or tree.content. Request will fail if both are supplied.", DOCS.createTree);
    if (entry.content !== undefined) {
      changes.push({ path: entry.path, mode: entry.mode, sha: await ctx.repo.writeBlob(Buffer.from(entry.content, "utf8")) });
    } else if (entry.sha === null || entry.sha === undefined) {
      changes.push({ path: entry.path, mode: entry.mode, sha: null });
    } else if (entry.type === "tree") {
      if ((await ctx.repo.objectType(entry.sha)) !== "tree") throw ghError(422, "GitRPC::BadObjectState", DOCS.createTree);
      for (const child of await ctx.repo.listTree(entry.sha, { recursive: true })) {
        if (child.type !== "tree") changes.push({ path: `${entry.path}/${child.path}`, mode: child.mode, sha: child.sha });
      }
    } else {
      if ((await ctx.repo.objectType(entry.sha)) !== entry.type) throw ghError(422, "GitRPC::BadObjectState", DOCS.createTree);
      changes.push({ path: entry.path, mode: entry.mode, sha: entry.sha });
    }
  }
  return changes;
}

async function treeJson(ctx: GithubContext, sha: string, recursive: boolean) {
  const entries = await ctx.repo.listTree(sha, { recursive });
  const truncated = entries.length > ctx.treeEntryLimit;
  return {
    sha,
    url: `${repoApi(ctx)}/git/trees/${sha}`,
    tree: entries.slice(0, ctx.treeEntryLimit).map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.type === "blob" ? { size: e.size ?? 0 } : {}),
      url: `${repoApi(ctx)}/git/${e.type === "tree" ? "trees" : "blobs"}/${e.sha}`,
    })),
    truncated,
  };
}

function contentEntry(ctx: GithubContext, e: { type: string; sha: string; size: number | null; path: string }, ref: string) {
  const type = e.type === "tree" ? "dir" : e.type === "commit" ? "submodule" : "file";
  const self = `${repoApi(ctx)}/contents/${e.path}?ref=${encodeURIComponent(ref)}`;
  const git = `${repoApi(ctx)}/git/${e.type === "tree" ? "trees" : "blobs"}/${e.sha}`;
  const html = `${ctx.webUrl}/${ctx.fullName}/${type === "dir" ? "tree" : "blob"}/${ref}/${e.path}`;
  return {
    type,
    size: e.size ?? 0,
    name: e.path.split("/").pop() ?? e.path,
    path: e.path,
    sha: e.sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: type === "file" ? `${ctx.webUrl}/raw/${ctx.fullName}/${ref}/${e.path}` : null,
    _links: { self, git, html },
  };
}

/** Base64 with a newline every 60 characters, as the contents and blobs APIs return it. */
function wrap64(content: Buffer): string {
  const b64 = content.toString("base64");
  return b64.replace(/(.{60})/g, "$1\n") + (b64.length % 60 === 0 && b64.length > 0 ? "" : "\n");
}
