import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGithubStandin, type GithubStandin } from "@/lib/demo/forge-standin";
import { ForgeRequestError } from "./forge-error";
import { createGithubProvider } from "./github";
import type { OpenPullRequestInput } from "./types";

const BASE_FILES = {
  "policies/payments-api.hcl": 'path "kv/data/payments/*" {\n  capabilities = ["read"]\n}\n',
  "secrets/payments.tf": 'resource "vault_kv_secret_v2" "payments_db" {\n  mount = "kv"\n  name  = "payments/db"\n}\n',
  "README.md": "# infra\n",
};

const USERS = [
  { login: "radius-bot", token: "ghp_radiusbot", name: "Radius", email: "radius@example.com" },
  { login: "alice", token: "ghp_alice" },
  { login: "bob", token: "ghp_bob" },
];

function prInput(overrides: Partial<OpenPullRequestInput> = {}): OpenPullRequestInput {
  return {
    branch: "radius/access.grant/abc123",
    base: "main",
    title: "Grant billing-worker read on kv/payments/db",
    body: "Requested by dana@example.com\n\nReason: nightly reconciliation",
    files: [
      { path: "policies/payments-api.hcl", before: BASE_FILES["policies/payments-api.hcl"], after: 'path "kv/data/payments/*" {\n  capabilities = ["read", "list"]\n}\n' },
      { path: "policies/billing-worker.hcl", before: null, after: 'path "kv/data/payments/db" {\n  capabilities = ["read"]\n}\n' },
    ],
    commitMessage: "radius: grant billing-worker read on kv/payments/db",
    labels: ["radius", "access-grant"],
    reviewers: ["alice", "acme/security"],
    draft: true,
    author: { name: "Dana Example", email: "dana@example.com" },
    ...overrides,
  };
}

describe("GitHub provider against the GitHub stand-in", () => {
  let standin: GithubStandin;
  beforeEach(async () => {
    standin = await startGithubStandin({ repository: "acme/infra", files: BASE_FILES, users: USERS, teams: ["security"] });
  });
  afterEach(async () => {
    await standin.close();
  });
  const provider = (token = "ghp_radiusbot") => createGithubProvider({ token, repository: "acme/infra", apiUrl: standin.url });

  it("reads files and lists folders of the base branch", async () => {
    const github = provider();
    expect(await github.readFile("secrets/payments.tf", "main")).toBe(BASE_FILES["secrets/payments.tf"]);
    expect(await github.readFile("secrets/missing.tf", "main")).toBeNull();
    expect(await github.listFiles("policies", "main")).toEqual(["policies/payments-api.hcl"]);
    expect(await github.listFiles("/", "main")).toEqual(["README.md", "policies/payments-api.hcl", "secrets/payments.tf"]);
    expect(await github.listFiles("nowhere", "main")).toEqual([]);
  });

  it("commits both files in one commit on a new branch and opens a draft PR with labels and reviewers", async () => {
    const baseBefore = (await standin.git(["rev-parse", "refs/heads/main"])).trim();
    const input = prInput();
    const ref = await provider().openPullRequest(input);

    expect(ref).toMatchObject({ provider: "github", number: 1, branch: input.branch, url: `${standin.url}/acme/infra/pull/1` });
    expect((await standin.git(["rev-parse", `refs/heads/${input.branch}`])).trim()).toBe(ref.commit);
    // Exactly one commit, on top of the base head, changing exactly the two files.
    expect((await standin.git(["rev-list", `${baseBefore}..${ref.commit}`])).trim().split("\n")).toEqual([ref.commit]);
    expect((await standin.git(["rev-parse", `${ref.commit}^`])).trim()).toBe(baseBefore);
    expect((await standin.git(["diff", "--name-status", baseBefore, ref.commit])).trim().split("\n").sort()).toEqual([
      "A\tpolicies/billing-worker.hcl",
      "M\tpolicies/payments-api.hcl",
    ]);
    for (const file of input.files) expect(await standin.git(["show", `${ref.commit}:${file.path}`])).toBe(file.after);
    expect(await standin.git(["log", "-1", "--format=%an <%ae>%n%s", ref.commit])).toBe(`Dana Example <dana@example.com>\n${input.commitMessage}\n`);
    // The base branch is untouched.
    expect((await standin.git(["rev-parse", "refs/heads/main"])).trim()).toBe(baseBefore);
    expect(await standin.git(["show", "main:policies/payments-api.hcl"])).toBe(BASE_FILES["policies/payments-api.hcl"]);

    expect(standin.pullRequest(1)).toMatchObject({
      title: input.title,
      body: input.body,
      state: "open",
      draft: true,
      author: "radius-bot",
      head: input.branch,
      base: "main",
      labels: ["radius", "access-grant"],
      requestedReviewers: ["alice"],
      requestedTeams: ["security"],
    });
    const routes = standin.requests.map((r) => r.route);
    expect(routes).toContain("POST /repos/:owner/:repo/git/refs");
    expect(routes).toContain("POST /repos/:owner/:repo/pulls");
    expect(routes).toContain("POST /repos/:owner/:repo/issues/:number/labels");
    expect(routes).toContain("POST /repos/:owner/:repo/pulls/:number/requested_reviewers");
    expect(standin.requests.every((r) => r.user === "radius-bot")).toBe(true);
    // The only failed request is the look-up that finds the branch does not exist yet.
    expect(standin.requests.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.route}`)).toEqual(["404 GET /repos/:owner/:repo/git/ref/*ref"]);
  });

  it("opening again for the same branch adds a commit and updates the PR instead of failing", async () => {
    const github = provider();
    const first = await github.openPullRequest(prInput());
    const edited = prInput({
      title: "Grant billing-worker read and list on kv/payments/db",
      body: "Updated request",
      files: [{ path: "policies/billing-worker.hcl", before: null, after: 'path "kv/data/payments/db" {\n  capabilities = ["read", "list"]\n}\n' }],
    });
    const second = await github.openPullRequest(edited);

    expect(second.number).toBe(first.number);
    expect((await standin.git(["rev-parse", `${second.commit}^`])).trim()).toBe(first.commit);
    expect(await standin.git(["show", `${second.commit}:policies/billing-worker.hcl`])).toBe(edited.files[0]?.after);
    // The first commit's other file is still on the branch.
    expect(await standin.git(["show", `${second.commit}:policies/payments-api.hcl`])).toBe(prInput().files[0]?.after);
    expect(standin.pullRequests()).toHaveLength(1);
    expect(standin.pullRequest(1)).toMatchObject({ title: edited.title, body: "Updated request", requestedReviewers: ["alice"] });
    expect(standin.requests.filter((r) => r.route === "POST /repos/:owner/:repo/pulls")).toHaveLength(1);
    expect(standin.requests.filter((r) => r.route === "PATCH /repos/:owner/:repo/git/refs/*ref")).toHaveLength(1);
    expect(standin.requests.filter((r) => r.route === "PATCH /repos/:owner/:repo/pulls/:number")).toHaveLength(1);

    // Same content a third time: no empty commit, the PR is still updated.
    const third = await github.openPullRequest(edited);
    expect(third.commit).toBe(second.commit);
  });

  it("commits on top of a branch that exists without a pull request", async () => {
    const main = (await standin.git(["rev-parse", "refs/heads/main"])).trim();
    await standin.git(["update-ref", "refs/heads/radius/access.grant/abc123", main]);
    const ref = await provider().openPullRequest(prInput());
    expect((await standin.git(["rev-parse", `${ref.commit}^`])).trim()).toBe(main);
    expect(standin.requests.some((r) => r.route === "PATCH /repos/:owner/:repo/git/refs/*ref")).toBe(true);
  });

  it("reports open, then approved, then merged", async () => {
    const github = provider();
    const ref = await github.openPullRequest(prInput({ draft: false }));
    expect(await github.getStatus(ref)).toEqual({ state: "open", approvedBy: [] });

    await standin.requestChanges(ref.number, "bob", "please narrow the path");
    await standin.approvePullRequest(ref.number, "alice");
    expect(await github.getStatus(ref)).toEqual({ state: "open", approvedBy: ["alice"] });
    await standin.approvePullRequest(ref.number, "bob");
    expect(await github.getStatus(ref)).toEqual({ state: "open", approvedBy: ["alice", "bob"] });

    const mergeSha = await standin.mergePullRequest(ref.number, "alice");
    expect(await github.getStatus(ref)).toEqual({ state: "merged", approvedBy: ["alice", "bob"] });
    expect((await standin.git(["rev-parse", "refs/heads/main"])).trim()).toBe(mergeSha);
    expect(await standin.git(["show", "main:policies/billing-worker.hcl"])).toBe(prInput().files[1]?.after);
  });

  it("reports a closed pull request as closed", async () => {
    const github = provider();
    const ref = await github.openPullRequest(prInput());
    await standin.closePullRequest(ref.number);
    expect(await github.getStatus(ref)).toEqual({ state: "closed", approvedBy: [] });
  });

  it("fails with an error naming GitHub, the status and the step on a bad token", async () => {
    const error = await provider("ghp_wrong").openPullRequest(prInput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeRequestError);
    expect(error).toMatchObject({ forge: "GitHub", forgeStatus: 401, forgeMessage: "Bad credentials", code: "upstream_error", status: 502 });
    expect((error as Error).message).toMatch(/^GitHub answered 401 Bad credentials \(GET \/repos\/acme\/infra\/git\/ref\/heads%2Fmain\) while reading base branch "main"/);
    expect((error as Error).message).not.toContain("ghp_wrong");
    await expect(provider("ghp_wrong").readFile("README.md", "main")).rejects.toThrow(/GitHub answered 401 Bad credentials/);
  });

  it("names the failing step when a reviewer is not a collaborator", async () => {
    const error = await provider().openPullRequest(prInput({ reviewers: ["mallory"] })).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/GitHub answered 422 Reviews may only be requested from collaborators.*while requesting reviewers on pull request #1/);
  });

  it("fails clearly when the base branch does not exist", async () => {
    await expect(provider().openPullRequest(prInput({ base: "develop" }))).rejects.toThrow(/GitHub answered 404 Not Found .* while reading base branch "develop"/);
  });

  it("reads files over 1 MB through the blobs API", async () => {
    const big = "x".repeat(1024 * 1024 + 10);
    const ref = await provider().openPullRequest(prInput({ files: [{ path: "big.txt", before: null, after: big }] }));
    expect(await provider().readFile("big.txt", ref.branch)).toBe(big);
    expect(standin.requests.some((r) => r.route === "GET /repos/:owner/:repo/git/blobs/:sha")).toBe(true);
  });
});

describe("GitHub provider: truncated trees", () => {
  it("walks the tree level by level when GitHub truncates the recursive listing", async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`policies/team-${i % 2}/p${i}.hcl`, `# ${i}\n`]));
    const standin = await startGithubStandin({ repository: "acme/infra", files: { ...files, "README.md": "x\n" }, users: USERS, treeEntryLimit: 3 });
    try {
      const github = createGithubProvider({ token: "ghp_radiusbot", repository: "acme/infra", apiUrl: standin.url });
      expect(await github.listFiles("policies", "main")).toEqual(Object.keys(files).sort());
      expect(await github.listFiles("policies/team-1", "main")).toEqual(Object.keys(files).filter((f) => f.includes("team-1")).sort());
    } finally {
      await standin.close();
    }
  });
});
