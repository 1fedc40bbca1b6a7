/**
 * Pull requests as branches of a git repository on disk (the default run, and tests): no forge,
 * the review happens on the branch. Everything goes through git plumbing on a temporary index
 * (read-tree, hash-object, update-index, write-tree, commit-tree, update-ref), so the working
 * tree, the index and the checked-out branch of the repository are never touched.
 *
 * Pull request records live in refs too: `refs/radius/pulls/<n>` points at a JSON blob (branch,
 * base, title, labels...), `refs/radius/branches/<branch>` at a blob holding <n>. Numbers are
 * allocated with create-only ref updates, so two instances never hand out the same one.
 * Status: merged when the branch head is an ancestor of the base branch, closed when the branch
 * is gone, else open. Nobody approves on a local branch (approvedBy is empty).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { RenderedFile } from "../schemas";
import { catFiles, git, runGit } from "./local-git";
import type { ChangeProvider, OpenPullRequestInput, PullRequestRef, PullRequestStatus } from "./types";

export interface LocalProviderOptions {
  /** Path of the repository (TERRAFORM_REPO). */
  repo: string;
  /** Base branch for status checks of records that do not name one (TERRAFORM_BRANCH). */
  baseBranch: string;
  committer?: { name: string; email: string };
}

const recordSchema = z.object({ number: z.number().int().positive(), branch: z.string(), base: z.string() }).passthrough();

export function createLocalProvider(options: LocalProviderOptions): ChangeProvider {
  const repo = options.repo;
  const committer = options.committer ?? { name: "Radius", email: "radius@localhost" };

  const resolve = async (ref: string): Promise<string> => {
    for (const candidate of [`refs/heads/${ref}`, `refs/remotes/origin/${ref}`, ref]) {
      const r = await runGit(repo, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${candidate}^{commit}`]);
      if (r.code === 0) return r.stdout.toString().trim();
    }
    throw new Error(`git ref "${ref}" not found in ${repo}`);
  };

  const readFiles = async (paths: string[], ref: string): Promise<Map<string, string | null>> => {
    const commit = await resolve(ref);
    const contents = await catFiles(repo, paths.map((p) => `${commit}:${checkPath(p)}`));
    return new Map(paths.map((p, i) => [p, contents[i] ?? null]));
  };

  return {
    name: "local",
    readFiles,
    async readFile(file, ref) {
      return (await readFiles([file], ref)).get(file) ?? null;
    },
    async listFiles(folder, ref) {
      const commit = await resolve(ref);
      const prefix = normaliseFolder(folder);
      const out = await runGit(repo, ["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit, ...(prefix ? ["--", prefix] : [])]);
      if (out.code !== 0) throw new Error(`git ls-tree failed: ${out.stderr.trim()}`);
      return out.stdout.toString("utf8").split("\0").filter(Boolean);
    },
    async openPullRequest(input) {
      return openLocalPullRequest(repo, committer, input, resolve, readFiles);
    },
    async getStatus(ref) {
      const head = await runGit(repo, ["rev-parse", "--verify", "--quiet", `refs/heads/${ref.branch}^{commit}`]);
      if (head.code !== 0) return { state: "closed", approvedBy: [] };
      const record = await readRecord(repo, ref.number);
      const base = await resolve(record?.base ?? options.baseBranch).catch(() => null);
      if (!base) return { state: "open", approvedBy: [] };
      const merged = await runGit(repo, ["merge-base", "--is-ancestor", head.stdout.toString().trim(), base]);
      return { state: merged.code === 0 ? "merged" : "open", approvedBy: [] } satisfies PullRequestStatus;
    },
  };
}

async function openLocalPullRequest(
  repo: string,
  committer: { name: string; email: string },
  input: OpenPullRequestInput,
  resolve: (ref: string) => Promise<string>,
  readFiles: (paths: string[], ref: string) => Promise<Map<string, string | null>>,
): Promise<PullRequestRef> {
  const branchRef = `refs/heads/${input.branch}`;
  await git(repo, ["check-ref-format", branchRef]);
  if (input.branch === input.base) throw new Error("a change branch cannot be the base branch");
  const checkedOut = await runGit(repo, ["symbolic-ref", "--quiet", "HEAD"]);
  if (checkedOut.stdout.toString().trim() === branchRef) throw new Error(`branch ${input.branch} is checked out in ${repo}; Radius only writes branches nobody has checked out`);
  const base = await resolve(input.base);
  await assertBaseUnchanged(input.files, base, readFiles);

  const existing = await runGit(repo, ["rev-parse", "--verify", "--quiet", `${branchRef}^{commit}`]);
  const previous = existing.code === 0 ? existing.stdout.toString().trim() : null;
  const tree = await writeTree(repo, base, input.files);
  let commit = previous;
  if (!previous || (await git(repo, ["rev-parse", `${previous}^{tree}`])) !== tree) {
    const env = {
      GIT_AUTHOR_NAME: person(input.author.name),
      GIT_AUTHOR_EMAIL: person(input.author.email),
      GIT_COMMITTER_NAME: person(committer.name),
      GIT_COMMITTER_EMAIL: person(committer.email),
    };
    commit = await git(repo, ["commit-tree", "--no-gpg-sign", tree, "-p", previous ?? base, "-F", "-"], { input: input.commitMessage, env });
    // Compare-and-swap: a concurrent update of the same branch makes this fail instead of losing a commit.
    await git(repo, ["update-ref", "--stdin"], { input: previous ? `update ${branchRef} ${commit} ${previous}\n` : `create ${branchRef} ${commit}\n` });
  }
  const number = await recordPullRequest(repo, input);
  return { provider: "local", number, url: input.portalUrl ?? `file://${path.resolve(repo)}#${input.branch}`, branch: input.branch, commit: commit as string };
}

/** The files must still read as they did when the change was rendered, or the branch would revert someone else's edit. */
async function assertBaseUnchanged(files: RenderedFile[], base: string, readFiles: (paths: string[], ref: string) => Promise<Map<string, string | null>>): Promise<void> {
  const current = await readFiles(files.map((f) => f.path), base);
  for (const f of files) {
    if ((current.get(f.path) ?? null) !== f.before) throw new Error(`${f.path} changed on the base branch since the change was rendered; submit the request again`);
  }
}

/** base tree + the files, through a throw-away index: the repository's own index is never used. */
async function writeTree(repo: string, base: string, files: RenderedFile[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "radius-index-"));
  const env = { GIT_INDEX_FILE: path.join(dir, "index") };
  try {
    await git(repo, ["read-tree", base], { env });
    for (const f of files) {
      const oid = await git(repo, ["hash-object", "-w", "--stdin"], { input: f.after, env });
      await git(repo, ["update-index", "--add", "--cacheinfo", `100644,${oid},${checkPath(f.path)}`], { env });
    }
    return await git(repo, ["write-tree"], { env });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The number of the branch's pull request, allocating the next one for a new branch. */
async function recordPullRequest(repo: string, input: OpenPullRequestInput): Promise<number> {
  const indexRef = `refs/radius/branches/${input.branch}`;
  const known = await runGit(repo, ["cat-file", "blob", `${indexRef}`]);
  const record = (number: number) => JSON.stringify({ number, branch: input.branch, base: input.base, title: input.title, labels: input.labels, reviewers: input.reviewers, draft: input.draft, updatedAt: new Date().toISOString() });
  if (known.code === 0) {
    const number = Number(known.stdout.toString().trim());
    const blob = await git(repo, ["hash-object", "-w", "--stdin"], { input: record(number) });
    await git(repo, ["update-ref", `refs/radius/pulls/${number}`, blob]);
    return number;
  }
  for (let attempt = 0; attempt < 10; attempt++) {
    const refs = await git(repo, ["for-each-ref", "--format=%(refname)", "refs/radius/pulls/"]);
    const number = Math.max(0, ...refs.split("\n").filter(Boolean).map((r) => Number(r.split("/").pop()) || 0)) + 1;
    const blob = await git(repo, ["hash-object", "-w", "--stdin"], { input: record(number) });
    const created = await runGit(repo, ["update-ref", "--stdin"], { input: `create refs/radius/pulls/${number} ${blob}\n` });
    if (created.code !== 0) continue; // another writer took this number
    const pointer = await git(repo, ["hash-object", "-w", "--stdin"], { input: String(number) });
    await git(repo, ["update-ref", "--stdin"], { input: `create ${indexRef} ${pointer}\n` });
    return number;
  }
  throw new Error("could not allocate a pull request number");
}

async function readRecord(repo: string, number: number): Promise<z.infer<typeof recordSchema> | null> {
  const r = await runGit(repo, ["cat-file", "blob", `refs/radius/pulls/${number}`]);
  if (r.code !== 0) return null;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(r.stdout.toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Repository-relative, forward slashes, no "..", ".git", absolute paths or control characters. */
function checkPath(p: string): string {
  if (!p || p.startsWith("/") || /[\u0000-\u001f\\]/.test(p) || p.split("/").some((s) => s === "" || s === "." || s === ".." || s.toLowerCase() === ".git")) {
    throw new Error(`refusing repository path ${JSON.stringify(p.slice(0, 100))}`);
  }
  return p;
}

function normaliseFolder(folder: string): string {
  const f = folder.replace(/^\.\/?/, "").replace(/^\/+|\/+$/g, "");
  return f === "" ? "" : checkPath(f);
}

/** Names and emails as git wants them: no angle brackets or control characters. */
function person(text: string): string {
  return text.replace(/[<>]/g, "").replace(/[\u0000-\u001f\u007f\s]+/g, " ").trim().slice(0, 200) || "unknown";
}
