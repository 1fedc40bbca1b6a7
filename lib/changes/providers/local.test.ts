import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalProvider } from "./local";
import type { OpenPullRequestInput } from "./types";

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" };

describe("local git provider", () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { env: ENV }).toString().trim();
  const input = (over: Partial<OpenPullRequestInput> = {}): OpenPullRequestInput => ({
    branch: "radius/access-grant/0b7c3e52", base: "main", title: "Grant read", body: "body", commitMessage: "Grant read\n\nbecause",
    labels: ["radius"], reviewers: [], draft: false, author: { name: "Alice <evil>\nInjected: x", email: "alice@radius.example" },
    files: [
      { path: "vault/team-payments.tf", before: "# payments\n", after: "# payments\nresource \"x\" \"y\" {}\n" },
      { path: "vault/team-new.tf", before: null, after: "# new\n" },
    ],
    portalUrl: "http://portal.test/changes/0b7c3e52-1a2b-4c3d-8e9f-001122334455",
    ...over,
  });

  beforeEach(async () => {
    repo = await mkdtemp(path.join(os.tmpdir(), "radius-local-provider-"));
    execFileSync("git", ["init", "-q", "-b", "main", repo], { env: ENV });
    execFileSync("mkdir", ["-p", path.join(repo, "vault", "policies")]);
    await writeFile(path.join(repo, "vault", "team-payments.tf"), "# payments\n");
    await writeFile(path.join(repo, "vault", "policies", "a.hcl"), 'path "a" {}\n');
    await writeFile(path.join(repo, "README.md"), "readme\n");
    git("add", ".");
    git("commit", "-q", "--no-gpg-sign", "-m", "initial");
  });
  afterEach(async () => rm(repo, { recursive: true, force: true }));

  it("reads and lists the base branch, never the working tree", async () => {
    await writeFile(path.join(repo, "vault", "team-payments.tf"), "uncommitted edit\n");
    const provider = createLocalProvider({ repo, baseBranch: "main" });
    expect(await provider.readFile("vault/team-payments.tf", "main")).toBe("# payments\n");
    expect(await provider.readFile("vault/missing.tf", "main")).toBeNull();
    expect((await provider.listFiles("vault", "main")).sort()).toEqual(["vault/policies/a.hcl", "vault/team-payments.tf"]);
    expect((await provider.listFiles(".", "main")).length).toBe(3);
    await expect(provider.readFile("../etc/passwd", "main")).rejects.toThrow(/refusing/);
  });

  it("commits on a new branch without touching the working tree, index or checked-out branch", async () => {
    await writeFile(path.join(repo, "vault", "team-payments.tf"), "uncommitted edit\n");
    const head = git("rev-parse", "HEAD");
    const statusBefore = git("status", "--porcelain");
    const provider = createLocalProvider({ repo, baseBranch: "main" });
    const pr = await provider.openPullRequest(input());
    expect(pr).toMatchObject({ provider: "local", number: 1, branch: "radius/access-grant/0b7c3e52", url: "http://portal.test/changes/0b7c3e52-1a2b-4c3d-8e9f-001122334455" });
    expect(git("rev-parse", "refs/heads/radius/access-grant/0b7c3e52")).toBe(pr.commit);
    expect(git("rev-parse", `${pr.commit}^`)).toBe(head);
    expect(git("show", `${pr.commit}:vault/team-payments.tf`)).toBe('# payments\nresource "x" "y" {}');
    expect(git("show", `${pr.commit}:vault/team-new.tf`)).toBe("# new");
    expect(git("show", `${pr.commit}:README.md`)).toBe("readme");
    expect(git("log", "-1", "--format=%an|%ae|%cn|%s", pr.commit)).toBe("Alice evil Injected: x|alice@radius.example|Radius|Grant read");
    // The checkout is exactly as it was.
    expect(git("rev-parse", "HEAD")).toBe(head);
    expect(git("symbolic-ref", "HEAD")).toBe("refs/heads/main");
    expect(git("status", "--porcelain")).toBe(statusBefore);
    expect(await readFile(path.join(repo, "vault", "team-payments.tf"), "utf8")).toBe("uncommitted edit\n");
  });

  it("updates the same branch with a new commit on top, and numbers other branches in sequence", async () => {
    const provider = createLocalProvider({ repo, baseBranch: "main" });
    const first = await provider.openPullRequest(input());
    const again = await provider.openPullRequest(input({ files: [{ path: "vault/team-payments.tf", before: "# payments\n", after: "# payments v2\n" }] }));
    expect(again.number).toBe(first.number);
    expect(git("rev-parse", `${again.commit}^`)).toBe(first.commit);
    expect(git("show", `${again.commit}:vault/team-payments.tf`)).toBe("# payments v2");
    // Same content again: nothing new to commit.
    expect((await provider.openPullRequest(input({ files: [{ path: "vault/team-payments.tf", before: "# payments\n", after: "# payments v2\n" }] }))).commit).toBe(again.commit);
    const other = await provider.openPullRequest(input({ branch: "radius/secret-create/11111111" }));
    expect(other.number).toBe(first.number + 1);
  });

  it("reports open, merged when the base contains the branch, and closed when the branch is gone", async () => {
    const provider = createLocalProvider({ repo, baseBranch: "main" });
    const pr = await provider.openPullRequest(input());
    expect(await provider.getStatus(pr)).toEqual({ state: "open", approvedBy: [] });
    git("merge", "-q", "--no-gpg-sign", "--no-edit", pr.branch);
    expect(await provider.getStatus(pr)).toEqual({ state: "merged", approvedBy: [] });
    const other = await provider.openPullRequest(input({ branch: "radius/access-revoke/22222222", files: [{ path: "vault/x.tf", before: null, after: "x\n" }] }));
    git("branch", "-D", other.branch);
    expect(await provider.getStatus(other)).toEqual({ state: "closed", approvedBy: [] });
  });

  it("refuses a base that changed since rendering, bad branch names and the checked-out branch", async () => {
    const provider = createLocalProvider({ repo, baseBranch: "main" });
    await expect(provider.openPullRequest(input({ files: [{ path: "vault/team-payments.tf", before: "# stale\n", after: "x\n" }] }))).rejects.toThrow(/changed on the base branch/);
    await expect(provider.openPullRequest(input({ branch: "radius/../main" }))).rejects.toThrow();
    await expect(provider.openPullRequest(input({ branch: "main" }))).rejects.toThrow(/base branch/);
    await expect(provider.openPullRequest(input({ files: [{ path: ".git/config", before: null, after: "x" }] }))).rejects.toThrow(/refusing/);
    git("checkout", "-q", "-b", "radius/checked-out");
    await expect(provider.openPullRequest(input({ branch: "radius/checked-out" }))).rejects.toThrow(/checked out/);
    expect(git("for-each-ref", "--format=%(refname)", "refs/heads/radius/access-grant")).toBe("");
  });
});
