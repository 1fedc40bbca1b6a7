import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGitlabStandin, type GitlabStandin } from "@/lib/demo/forge-standin";
import { ForgeRequestError } from "./forge-error";
import { createGitlabProvider } from "./gitlab";
import type { OpenPullRequestInput } from "./types";

const BASE_FILES = {
  "policies/payments-api.hcl": 'path "kv/data/payments/*" {\n  capabilities = ["read"]\n}\n',
  "secrets/payments.tf": 'resource "vault_kv_secret_v2" "payments_db" {\n  mount = "kv"\n  name  = "payments/db"\n}\n',
  "README.md": "# infra\n",
};

function mrInput(overrides: Partial<OpenPullRequestInput> = {}): OpenPullRequestInput {
  return {
    branch: "radius/access.grant/abc123",
    base: "main",
    title: "Grant billing-worker read on kv/payments/db",
    body: "Requested by dana@example.com",
    files: [
      { path: "policies/payments-api.hcl", before: BASE_FILES["policies/payments-api.hcl"], after: 'path "kv/data/payments/*" {\n  capabilities = ["read", "list"]\n}\n' },
      { path: "policies/billing-worker.hcl", before: null, after: 'path "kv/data/payments/db" {\n  capabilities = ["read"]\n}\n' },
    ],
    commitMessage: "radius: grant billing-worker read on kv/payments/db",
    labels: ["radius", "access-grant"],
    reviewers: ["alice", "@bob", "nobody-here"],
    draft: true,
    author: { name: "Dana Example", email: "dana@example.com" },
    ...overrides,
  };
}

describe("GitLab provider against the GitLab stand-in", () => {
  let standin: GitlabStandin;
  beforeEach(async () => {
    standin = await startGitlabStandin({
      project: "platform/infra",
      files: BASE_FILES,
      users: [
        { username: "radius-bot", token: "glpat-radius", name: "Radius", email: "radius@example.com" },
        { username: "alice", token: "glpat-alice" },
        { username: "bob", token: "glpat-bob" },
      ],
    });
  });
  afterEach(async () => {
    await standin.close();
  });
  const provider = (token = "glpat-radius", project = "platform/infra") => createGitlabProvider({ token, project, url: standin.url });

  it("reads raw files and lists folders, by project path or id", async () => {
    const gitlab = provider();
    expect(await gitlab.readFile("secrets/payments.tf", "main")).toBe(BASE_FILES["secrets/payments.tf"]);
    expect(await gitlab.readFile("secrets/missing.tf", "main")).toBeNull();
    expect(await gitlab.listFiles("policies", "main")).toEqual(["policies/payments-api.hcl"]);
    expect(await gitlab.listFiles("", "main")).toEqual(["README.md", "policies/payments-api.hcl", "secrets/payments.tf"]);
    expect(await gitlab.listFiles("nowhere", "main")).toEqual([]);
    expect(await provider("glpat-radius", String(standin.projectId)).readFile("README.md", "main")).toBe("# infra\n");
  });

  it("commits both files in one commit on a new branch and opens a draft MR with labels and reviewers", async () => {
    const baseBefore = (await standin.git(["rev-parse", "refs/heads/main"])).trim();
    const input = mrInput();
    const ref = await provider().openPullRequest(input);

    expect(ref).toMatchObject({ provider: "gitlab", number: 1, branch: input.branch, url: `${standin.url}/platform/infra/-/merge_requests/1` });
    expect((await standin.git(["rev-parse", `refs/heads/${input.branch}`])).trim()).toBe(ref.commit);
    expect((await standin.git(["rev-list", `${baseBefore}..${ref.commit}`])).trim().split("\n")).toEqual([ref.commit]);
    expect((await standin.git(["rev-parse", `${ref.commit}^`])).trim()).toBe(baseBefore);
    expect((await standin.git(["diff", "--name-status", baseBefore, ref.commit])).trim().split("\n").sort()).toEqual([
      "A\tpolicies/billing-worker.hcl",
      "M\tpolicies/payments-api.hcl",
    ]);
    for (const file of input.files) expect(await standin.git(["show", `${ref.commit}:${file.path}`])).toBe(file.after);
    expect(await standin.git(["log", "-1", "--format=%an <%ae>|%cn|%s", ref.commit])).toBe(`Dana Example <dana@example.com>|Radius|${input.commitMessage}\n`);
    expect((await standin.git(["rev-parse", "refs/heads/main"])).trim()).toBe(baseBefore);
    expect(await standin.git(["show", "main:policies/payments-api.hcl"])).toBe(BASE_FILES["policies/payments-api.hcl"]);

    expect(standin.mergeRequest(1)).toMatchObject({
      title: `Draft: ${input.title}`,
      description: input.body,
      state: "opened",
      draft: true,
      author: "radius-bot",
      sourceBranch: input.branch,
      targetBranch: "main",
      labels: ["radius", "access-grant"],
      reviewers: ["alice", "bob"],
      forceRemoveSourceBranch: true,
    });
    const commitRequest = standin.requests.find((r) => r.route === "POST /projects/:id/repository/commits");
    expect(commitRequest).toMatchObject({ path: "/api/v4/projects/platform%2Finfra/repository/commits", user: "radius-bot", status: 201 });
    // The existence checks decided create vs update at the base commit.
    expect(standin.requests.filter((r) => r.route === "GET /projects/:id/repository/files/:file_path").map((r) => r.status)).toEqual([200, 404]);
  });

  it("opening again for the same branch adds a commit and updates the MR instead of failing", async () => {
    const gitlab = provider();
    const first = await gitlab.openPullRequest(mrInput());
    const edited = mrInput({
      title: "Grant billing-worker read and list",
      body: "Updated",
      draft: false,
      labels: ["needs-security"],
      files: [
        mrInput().files[0]!,
        { path: "policies/billing-worker.hcl", before: null, after: 'path "kv/data/payments/db" {\n  capabilities = ["read", "list"]\n}\n' },
      ],
    });
    const second = await gitlab.openPullRequest(edited);

    expect(second.number).toBe(first.number);
    expect((await standin.git(["rev-parse", `${second.commit}^`])).trim()).toBe(first.commit);
    // Only the changed file is in the new commit; the existing file was updated, not re-created.
    expect((await standin.git(["diff", "--name-status", first.commit, second.commit])).trim()).toBe("M\tpolicies/billing-worker.hcl");
    expect(standin.mergeRequests()).toHaveLength(1);
    expect(standin.mergeRequest(1)).toMatchObject({ title: edited.title, description: "Updated", draft: false, labels: ["radius", "access-grant", "needs-security"], reviewers: ["alice", "bob"] });
    expect(standin.requests.filter((r) => r.route === "POST /projects/:id/merge_requests")).toHaveLength(1);
    expect(standin.requests.filter((r) => r.route === "PUT /projects/:id/merge_requests/:iid")).toHaveLength(1);

    const third = await gitlab.openPullRequest(edited);
    expect(third.commit).toBe(second.commit);
  });

  it("reports open, then approved, then merged", async () => {
    const gitlab = provider();
    const ref = await gitlab.openPullRequest(mrInput({ draft: false }));
    expect(await gitlab.getStatus(ref)).toEqual({ state: "open", approvedBy: [] });
    await standin.approveMergeRequest(ref.number, "alice");
    expect(await gitlab.getStatus(ref)).toEqual({ state: "open", approvedBy: ["alice"] });
    const mergeSha = await standin.mergeMergeRequest(ref.number, "alice");
    expect(await gitlab.getStatus(ref)).toEqual({ state: "merged", approvedBy: ["alice"] });
    expect((await standin.git(["rev-parse", "refs/heads/main"])).trim()).toBe(mergeSha);
    expect(await standin.git(["show", "main:policies/billing-worker.hcl"])).toBe(mrInput().files[1]?.after);
    // remove_source_branch: the branch is gone after the merge.
    expect(await standin.git(["branch", "--list", "radius/*"])).toBe("");
  });

  it("reports a closed merge request as closed", async () => {
    const gitlab = provider();
    const ref = await gitlab.openPullRequest(mrInput());
    await standin.closeMergeRequest(ref.number);
    expect(await gitlab.getStatus(ref)).toEqual({ state: "closed", approvedBy: [] });
  });

  it("fails with an error naming GitLab, the status and the step on a bad token", async () => {
    const error = await provider("glpat-wrong").openPullRequest(mrInput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeRequestError);
    expect(error).toMatchObject({ forge: "GitLab", forgeStatus: 401, forgeMessage: "401 Unauthorized", code: "upstream_error" });
    expect((error as Error).message).toBe(
      'GitLab answered 401 Unauthorized (GET /api/v4/projects/platform%2Finfra/repository/branches/main) while reading base branch "main" of platform/infra.',
    );
    await expect(provider("glpat-wrong").getStatus({ provider: "gitlab", number: 1, url: "", branch: "", commit: "" })).rejects.toThrow(/GitLab answered 401/);
  });

  it("fails clearly for an unknown project", async () => {
    await expect(provider("glpat-radius", "platform/nope").openPullRequest(mrInput())).rejects.toThrow(/GitLab answered 404 Project Not Found .* while reading base branch "main" of platform\/nope/);
  });
});
