/**
 * Reads files from a committed tree of a local git repository, never from the working copy: the
 * sync must see what is merged on the base branch, not uncommitted edits or another checkout.
 * Two git processes in all (ls-tree, then cat-file --batch), so thousands of files stay fast.
 */
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import type { SourceFile } from "@/lib/sources/types";

const run = promisify(execFile);
const MAX_FILE_BYTES = 5 * 1024 * 1024;
// Ignore the user's and system git config (hooks, pagers, fsmonitor): we only read objects.
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0" };

export interface GitTree {
  commit: string;
  /** Paths relative to `dir`, with "/". */
  files: SourceFile[];
}

export async function readGitTree(repo: string, branch: string, dir: string, suffixes: readonly string[]): Promise<GitTree> {
  const commit = await resolveCommit(repo, branch);
  const prefix = normaliseDir(dir);
  const { stdout } = await run("git", ["-C", repo, "ls-tree", "-r", "-z", "--full-tree", commit, ...(prefix ? ["--", prefix] : [])], {
    env: GIT_ENV, maxBuffer: 256 * 1024 * 1024,
  });
  const wanted: { oid: string; path: string }[] = [];
  for (const entry of stdout.split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab < 0) continue;
    const [, type, oid] = entry.slice(0, tab).split(" ");
    const full = entry.slice(tab + 1);
    if (type !== "blob" || !oid || !suffixes.some((s) => full.endsWith(s))) continue;
    wanted.push({ oid, path: prefix ? full.slice(prefix.length + 1) : full });
  }
  const contents = await catFiles(repo, wanted.map((w) => w.oid));
  const files = wanted.flatMap((w, i) => (contents[i] === undefined ? [] : [{ file: w.path, text: contents[i] as string }]));
  return { commit, files };
}

/** The branch's commit; a clone may only have the remote-tracking ref. */
async function resolveCommit(repo: string, branch: string): Promise<string> {
  for (const ref of [branch, `origin/${branch}`]) {
    try {
      const { stdout } = await run("git", ["-C", repo, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { env: GIT_ENV });
      if (stdout.trim()) return stdout.trim();
    } catch {
      // try the next candidate
    }
  }
  throw new Error(`branch "${branch}" not found in the git repository ${repo}`);
}

function normaliseDir(dir: string): string {
  const d = dir.replace(/\\/g, "/").replace(/^\.\/?/, "").replace(/^\/+|\/+$/g, "");
  if (d.split("/").includes("..")) throw new Error(`TERRAFORM_DIR must stay inside the repository: ${dir}`);
  return d;
}

/** `git cat-file --batch`: one process for every blob; oversized files come back undefined. */
function catFiles(repo: string, oids: string[]): Promise<(string | undefined)[]> {
  if (oids.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["-C", repo, "cat-file", "--batch"], { env: GIT_ENV, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git cat-file failed: ${stderr.trim()}`));
      resolve(splitBatch(Buffer.concat(chunks), oids.length));
    });
    child.stdin.end(oids.join("\n") + "\n");
  });
}

function splitBatch(buf: Buffer, count: number): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const nl = buf.indexOf(10, at);
    const header = buf.subarray(at, nl).toString();
    const size = Number(header.split(" ")[2]);
    if (!Number.isFinite(size)) throw new Error(`git cat-file: unexpected answer "${header}"`);
    out.push(size > MAX_FILE_BYTES ? undefined : buf.subarray(nl + 1, nl + 1 + size).toString("utf8"));
    at = nl + 1 + size + 1;
  }
  return out;
}
