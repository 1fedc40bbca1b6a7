/**
 * Git plumbing for the local provider: every call is `git -C <repo> ...` with the user's and the
 * system's git configuration ignored (no hooks, pagers or signing), input on stdin, never a shell.
 */
import { spawn } from "node:child_process";

const GIT_ENV = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
const MAX_OUTPUT = 64 * 1024 * 1024;

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export class GitError extends Error {
  constructor(args: string[], result: GitResult) {
    super(`git ${args[0]} failed (${result.code}): ${result.stderr.trim().slice(0, 500)}`);
    this.name = "GitError";
  }
}

export function runGit(repo: string, args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["-C", repo, ...args], {
      // Only what git needs: an inherited GIT_DIR or GIT_INDEX_FILE must never redirect these calls.
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/", ...GIT_ENV, ...options.env } as unknown as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    let size = 0;
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_OUTPUT) child.kill();
      else out.push(c);
    });
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr }));
    child.stdin.on("error", () => undefined); // git may exit before reading all input
    child.stdin.end(options.input ?? "");
  });
}

/** Runs git and returns trimmed stdout; throws GitError on a non-zero exit. */
export async function git(repo: string, args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<string> {
  const result = await runGit(repo, args, options);
  if (result.code !== 0) throw new GitError(args, result);
  return result.stdout.toString("utf8").trim();
}

/** `git cat-file --batch`: contents per object name ("<commit>:<path>"), null when missing. */
export async function catFiles(repo: string, names: string[]): Promise<(string | null)[]> {
  if (names.length === 0) return [];
  if (names.some((n) => /[\n\r]/.test(n))) throw new Error("object names may not contain newlines");
  const { stdout, code, stderr } = await runGit(repo, ["cat-file", "--batch"], { input: names.join("\n") + "\n" });
  if (code !== 0) throw new Error(`git cat-file failed: ${stderr.trim()}`);
  const out: (string | null)[] = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const nl = stdout.indexOf(10, at);
    const header = stdout.subarray(at, nl).toString();
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
      out.push(null);
      at = nl + 1;
      continue;
    }
    const [, type, sizeText] = header.split(" ");
    const size = Number(sizeText);
    if (!Number.isFinite(size)) throw new Error(`git cat-file: unexpected answer "${header}"`);
    out.push(type === "blob" ? stdout.subarray(nl + 1, nl + 1 + size).toString("utf8") : null);
    at = nl + 1 + size + 1;
  }
  return out;
}
