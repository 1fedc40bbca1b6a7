/**
 * A real (bare) git repository driven through the git CLI: the object store behind both forge
 * stand-ins. Blobs, trees, commits and refs are git's own, so SHAs are real and a test can
 * `git show` whatever a provider committed.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface GitIdentity {
  name: string;
  email: string;
  /** Defaults to now. */
  date?: Date;
}

export interface GitSignature {
  name: string;
  email: string;
  date: Date;
}

export interface GitCommit {
  sha: string;
  tree: string;
  parents: string[];
  author: GitSignature;
  committer: GitSignature;
  message: string;
}

export interface GitTreeEntry {
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  /** Bytes, for blobs. */
  size: number | null;
  path: string;
}

/** One change to apply on top of a tree; sha null deletes the path. */
export interface GitTreeChange {
  path: string;
  mode: string;
  sha: string | null;
}

export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(" ")} exited with ${exitCode}: ${stderr.trim()}`);
  }
}

const ZERO_SHA = "0".repeat(40);
const SHA = /^[0-9a-f]{40}$/;

export class GitRepository {
  private constructor(readonly dir: string) {}

  /** Creates a bare repository whose default branch holds `files` in one initial commit. */
  static async create(options: { dir: string; defaultBranch: string; files: Record<string, string>; author: GitIdentity }): Promise<GitRepository> {
    await mkdir(options.dir, { recursive: true });
    const repo = new GitRepository(options.dir);
    await repo.git(["init", "--quiet", "--bare", `--initial-branch=${options.defaultBranch}`, options.dir]);
    const changes: GitTreeChange[] = [];
    for (const [file, content] of Object.entries(options.files)) {
      changes.push({ path: file, mode: "100644", sha: await repo.writeBlob(Buffer.from(content, "utf8")) });
    }
    const tree = await repo.buildTree(null, changes);
    const commit = await repo.createCommit({ tree, parents: [], message: "Initial commit\n", author: options.author, committer: options.author });
    await repo.updateRef(`refs/heads/${options.defaultBranch}`, commit, null);
    return repo;
  }

  /** Runs git against this repository; rejects with GitCommandError on a non-zero exit. */
  async git(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<string> {
    const { stdout } = await this.exec(args, options);
    return stdout.toString("utf8");
  }

  async resolveCommit(rev: string): Promise<string | null> {
    if (rev.startsWith("-")) return null;
    const out = await this.exec(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], { allowFailure: true });
    return out.code === 0 ? out.stdout.toString("utf8").trim() : null;
  }

  async resolveTree(rev: string): Promise<string | null> {
    if (rev.startsWith("-")) return null;
    const out = await this.exec(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{tree}`], { allowFailure: true });
    return out.code === 0 ? out.stdout.toString("utf8").trim() : null;
  }

  /** The object at `path` inside a commit or tree ("<rev>:<path>"), or null. */
  async resolvePath(rev: string, file: string): Promise<string | null> {
    if (rev.startsWith("-")) return null;
    const out = await this.exec(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}:${file}`], { allowFailure: true });
    return out.code === 0 ? out.stdout.toString("utf8").trim() : null;
  }

  async objectType(sha: string): Promise<string | null> {
    if (!SHA.test(sha)) return null;
    const out = await this.exec(["cat-file", "-t", sha], { allowFailure: true });
    return out.code === 0 ? out.stdout.toString("utf8").trim() : null;
  }

  async writeBlob(content: Buffer): Promise<string> {
    return (await this.git(["hash-object", "-w", "--stdin"], { input: content })).trim();
  }

  async readBlob(sha: string): Promise<Buffer> {
    return (await this.exec(["cat-file", "blob", sha])).stdout;
  }

  /** Entries of a tree-ish; `recursive` lists every descendant (trees included, like GitHub). */
  async listTree(treeish: string, options: { recursive?: boolean; path?: string } = {}): Promise<GitTreeEntry[]> {
    const args = ["ls-tree", "-l", "-z", ...(options.recursive ? ["-r", "-t"] : []), treeish];
    if (options.path) args.push("--", options.path);
    const out = (await this.exec(args)).stdout.toString("utf8");
    return out
      .split("\0")
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf("\t");
        const [mode = "", type = "", sha = "", size = "-"] = line.slice(0, tab).split(/\s+/);
        return { mode, type: type as GitTreeEntry["type"], sha, size: size === "-" ? null : Number(size), path: line.slice(tab + 1) };
      });
  }

  /** Applies `changes` on top of `base` (null: an empty tree) and writes the resulting tree. */
  async buildTree(base: string | null, changes: GitTreeChange[]): Promise<string> {
    const indexFile = path.join(os.tmpdir(), `forge-standin-index-${randomUUID()}`);
    const env = { GIT_INDEX_FILE: indexFile };
    try {
      await this.git(base ? ["read-tree", base] : ["read-tree", "--empty"], { env });
      const lines = changes.map((c) => (c.sha ? `${c.mode} ${c.sha}\t${c.path}` : `0 ${ZERO_SHA}\t${c.path}`));
      if (lines.length > 0) await this.git(["update-index", "--add", "--replace", "--index-info"], { input: `${lines.join("\n")}\n`, env });
      return (await this.git(["write-tree"], { env })).trim();
    } finally {
      await rm(indexFile, { force: true });
    }
  }

  async createCommit(input: { tree: string; parents: string[]; message: string; author: GitIdentity; committer: GitIdentity }): Promise<string> {
    const args = ["commit-tree", input.tree, ...input.parents.flatMap((p) => ["-p", p])];
    const env = {
      ...identityEnv("AUTHOR", input.author),
      ...identityEnv("COMMITTER", input.committer),
    };
    return (await this.git(args, { input: input.message, env })).trim();
  }

  async readCommit(sha: string): Promise<GitCommit> {
    const raw = await this.git(["cat-file", "commit", sha]);
    const split = raw.indexOf("\n\n");
    const header = split === -1 ? raw : raw.slice(0, split);
    const message = split === -1 ? "" : raw.slice(split + 2);
    const parents: string[] = [];
    let tree = "";
    let author: GitSignature | null = null;
    let committer: GitSignature | null = null;
    for (const line of header.split("\n")) {
      const [key, ...rest] = line.split(" ");
      const value = rest.join(" ");
      if (key === "tree") tree = value;
      else if (key === "parent") parents.push(value);
      else if (key === "author") author = parseSignature(value);
      else if (key === "committer") committer = parseSignature(value);
    }
    if (!author || !committer) throw new Error(`commit ${sha} has no author or committer`);
    return { sha, tree, parents, author, committer, message };
  }

  /** Compare-and-swap: `expected` null means the ref must not exist yet. False when the ref moved. */
  async updateRef(ref: string, sha: string, expected: string | null): Promise<boolean> {
    const out = await this.exec(["update-ref", ref, sha, expected ?? ZERO_SHA], { allowFailure: true });
    return out.code === 0;
  }

  /** Deletes a ref if it still points at `expected`. */
  async deleteRef(ref: string, expected: string): Promise<boolean> {
    const out = await this.exec(["update-ref", "-d", ref, expected], { allowFailure: true });
    return out.code === 0;
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const out = await this.exec(["merge-base", "--is-ancestor", ancestor, descendant], { allowFailure: true });
    return out.code === 0;
  }

  /** The tree of a three-way merge of two commits, or null on conflicts (git merge-tree --write-tree). */
  async mergeTrees(ours: string, theirs: string): Promise<string | null> {
    const out = await this.exec(["merge-tree", "--write-tree", "--no-messages", ours, theirs], { allowFailure: true });
    if (out.code !== 0) return null;
    return out.stdout.toString("utf8").split("\n")[0]?.trim() ?? null;
  }

  /** The last commit reachable from `rev` that touched `file`. */
  async lastCommitFor(rev: string, file: string): Promise<string> {
    return (await this.git(["log", "-1", "--format=%H", rev, "--", file])).trim();
  }

  private exec(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; allowFailure?: boolean } = {}) {
    return new Promise<{ code: number | null; stdout: Buffer }>((resolve, reject) => {
      const child = spawn("git", ["--git-dir", this.dir, ...args], {
        // Ignore system and user git config (signing, hooks, templates): the repository must behave the same everywhere.
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...options.env },
        stdio: ["pipe", "pipe", "pipe"],
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on("data", (d: Buffer) => stdout.push(d));
      child.stderr.on("data", (d: Buffer) => stderr.push(d));
      child.on("error", reject);
      child.on("close", (code) => {
        if (code !== 0 && !options.allowFailure) reject(new GitCommandError(args, code, Buffer.concat(stderr).toString("utf8")));
        else resolve({ code, stdout: Buffer.concat(stdout) });
      });
      child.stdin.on("error", () => undefined);
      child.stdin.end(options.input ?? "");
    });
  }
}

function identityEnv(kind: "AUTHOR" | "COMMITTER", who: GitIdentity): Record<string, string> {
  const seconds = Math.floor((who.date ?? new Date()).getTime() / 1000);
  return { [`GIT_${kind}_NAME`]: who.name, [`GIT_${kind}_EMAIL`]: who.email, [`GIT_${kind}_DATE`]: `@${seconds} +0000` };
}

function parseSignature(value: string): GitSignature {
  const match = /^(.*) <([^>]*)> (\d+) ([+-]\d{4})$/.exec(value);
  if (!match) throw new Error(`unparseable git signature: ${value}`);
  return { name: match[1] ?? "", email: match[2] ?? "", date: new Date(Number(match[3]) * 1000) };
}
