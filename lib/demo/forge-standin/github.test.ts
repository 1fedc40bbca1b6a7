import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGithubStandin, type GithubStandin } from "./index";

/** The stand-in's answers where GitHub's documented behaviour matters to a client. */
describe("GitHub stand-in: REST API v3 shapes", () => {
  let gh: GithubStandin;
  let mainSha: string;
  beforeAll(async () => {
    gh = await startGithubStandin({
      repository: "acme/infra",
      files: { "a/one.tf": "one\n", "b.tf": "b\n" },
      users: [
        { login: "bot", token: "t-bot" },
        { login: "alice", token: "t-alice" },
      ],
    });
    mainSha = (await gh.git(["rev-parse", "refs/heads/main"])).trim();
  });
  afterAll(async () => {
    await gh.close();
  });

  const api = async (method: string, path: string, body?: unknown, token: string | null = "t-bot") => {
    const res = await fetch(`${gh.url}${path}`, {
      method,
      headers: { ...(token ? { Authorization: `token ${token}` } : {}), ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
  };

  it("answers 401 Bad credentials to an unknown token and hides the private repository without one", async () => {
    expect(await api("GET", "/repos/acme/infra/git/ref/heads/main", undefined, "nope")).toMatchObject({
      status: 401,
      body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" },
    });
    expect(await api("GET", "/repos/acme/infra/git/ref/heads/main", undefined, null)).toMatchObject({ status: 404, body: { message: "Not Found" } });
    // Bearer works as well as token.
    const bearer = await fetch(`${gh.url}/repos/acme/infra/git/ref/heads/main`, { headers: { Authorization: "Bearer t-alice" } });
    expect(bearer.status).toBe(200);
    expect(gh.requests.at(-1)).toMatchObject({ method: "GET", route: "GET /repos/:owner/:repo/git/ref/*ref", user: "alice", status: 200 });
  });

  it("serves refs, commits and trees with real git SHAs", async () => {
    const ref = await api("GET", "/repos/acme/infra/git/ref/heads%2Fmain");
    expect(ref.body).toMatchObject({ ref: "refs/heads/main", object: { type: "commit", sha: mainSha } });
    const commit = await api("GET", `/repos/acme/infra/git/commits/${mainSha}`);
    const treeSha = (await gh.git(["rev-parse", "main^{tree}"])).trim();
    expect(commit.body).toMatchObject({ sha: mainSha, tree: { sha: treeSha }, parents: [] });
    const tree = await api("GET", "/repos/acme/infra/git/trees/main?recursive=1");
    expect((tree.body.tree as { path: string; type: string }[]).map((e) => `${e.type} ${e.path}`)).toEqual(["tree a", "blob a/one.tf", "blob b.tf"]);
    expect(await api("GET", "/repos/acme/other/git/ref/heads/main")).toMatchObject({ status: 404 });
    expect(await api("GET", "/repos/acme/infra/git/ref/heads/nope")).toMatchObject({ status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest/git/refs#get-a-reference" } });
  });

  it("answers 422 Reference already exists, and refuses a non-fast-forward update", async () => {
    expect(await api("POST", "/repos/acme/infra/git/refs", { ref: "refs/heads/main", sha: mainSha })).toMatchObject({ status: 422, body: { message: "Reference already exists" } });
    expect(await api("POST", "/repos/acme/infra/git/refs", { ref: "refs/heads/x", sha: "0".repeat(40) })).toMatchObject({ status: 422, body: { message: "Object does not exist" } });
    expect(await api("POST", "/repos/acme/infra/git/refs", { sha: mainSha })).toMatchObject({ status: 422, body: { message: 'Invalid request.\n\n"ref" wasn\'t supplied.' } });

    const blob = await api("POST", "/repos/acme/infra/git/blobs", { content: "two\n", encoding: "utf-8" });
    expect(blob.status).toBe(201);
    const tree = await api("POST", "/repos/acme/infra/git/trees", { base_tree: (await gh.git(["rev-parse", "main^{tree}"])).trim(), tree: [{ path: "a/two.tf", mode: "100644", type: "blob", sha: blob.body.sha }] });
    const orphan = await api("POST", "/repos/acme/infra/git/commits", { message: "orphan", tree: tree.body.sha, parents: [] });
    expect(orphan).toMatchObject({ status: 201, body: { message: "orphan", parents: [] } });
    const created = await api("POST", "/repos/acme/infra/git/refs", { ref: "refs/heads/feature", sha: mainSha });
    expect(created.status).toBe(201);
    expect(await api("PATCH", "/repos/acme/infra/git/refs/heads/feature", { sha: orphan.body.sha, force: false })).toMatchObject({ status: 422, body: { message: "Update is not a fast forward" } });
    expect(await api("PATCH", "/repos/acme/infra/git/refs/heads/feature", { sha: orphan.body.sha, force: true })).toMatchObject({ status: 200 });
    expect(await gh.git(["show", "feature:a/two.tf"])).toBe("two\n");
  });

  it("answers 422 when a pull request for the head already exists, and when approving your own", async () => {
    const child = (await gh.git(["rev-parse", "refs/heads/feature"])).trim();
    await api("PATCH", "/repos/acme/infra/git/refs/heads/feature", { sha: mainSha, force: true });
    const c = await api("POST", "/repos/acme/infra/git/commits", { message: "work", tree: (await gh.git(["rev-parse", `${child}^{tree}`])).trim(), parents: [mainSha] });
    await api("PATCH", "/repos/acme/infra/git/refs/heads/feature", { sha: c.body.sha });

    const opened = await api("POST", "/repos/acme/infra/pulls", { title: "t", head: "feature", base: "main" });
    expect(opened).toMatchObject({ status: 201, body: { number: 1, state: "open", merged: false, draft: false, head: { ref: "feature", sha: c.body.sha } } });
    expect(await api("POST", "/repos/acme/infra/pulls", { title: "t", head: "acme:feature", base: "main" })).toMatchObject({
      status: 422,
      body: { message: "Validation Failed", errors: [{ resource: "PullRequest", code: "custom", message: "A pull request already exists for acme:feature." }] },
    });
    expect(await api("POST", "/repos/acme/infra/pulls/1/reviews", { event: "APPROVE" })).toMatchObject({ status: 422, body: { errors: ["Can not approve your own pull request"] } });
    expect(await api("POST", "/repos/acme/infra/pulls/1/reviews", { event: "APPROVE" }, "t-alice")).toMatchObject({ status: 200, body: { state: "APPROVED", user: { login: "alice" } } });
    expect(await api("PUT", "/repos/acme/infra/pulls/1/merge", { sha: mainSha })).toMatchObject({ status: 409, body: { message: "Head branch was modified. Review and try the merge again." } });
    expect(await api("PUT", "/repos/acme/infra/pulls/1/merge", {})).toMatchObject({ status: 200, body: { merged: true, message: "Pull Request successfully merged" } });
    expect(await api("GET", "/repos/acme/infra/pulls/1")).toMatchObject({ body: { state: "closed", merged: true, merged_by: { login: "bot" } } });
    expect(await api("PUT", "/repos/acme/infra/pulls/1/merge", {})).toMatchObject({ status: 405, body: { message: "Pull Request is not mergeable" } });
    expect(await api("GET", "/repos/acme/infra/pulls/99")).toMatchObject({ status: 404 });
  });

  it("paginates lists with a Link header", async () => {
    const first = await api("GET", "/repos/acme/infra/pulls?state=all&per_page=1&page=1");
    expect(first.headers.get("link")).toBeNull();
    for (const branch of ["p2", "p3"]) {
      const c = await api("POST", "/repos/acme/infra/git/commits", { message: branch, tree: (await gh.git(["rev-parse", "main^{tree}"])).trim(), parents: [(await gh.git(["rev-parse", "main"])).trim()] });
      await api("POST", "/repos/acme/infra/git/refs", { ref: `refs/heads/${branch}`, sha: c.body.sha });
      await api("POST", "/repos/acme/infra/pulls", { title: branch, head: branch, base: "main" });
    }
    const page = await api("GET", "/repos/acme/infra/pulls?state=all&per_page=2");
    expect((page.body as unknown as { number: number }[]).map((p) => p.number)).toEqual([3, 2]);
    expect(page.headers.get("link")).toMatch(/per_page=2&page=2>; rel="next"/);
  });
});
