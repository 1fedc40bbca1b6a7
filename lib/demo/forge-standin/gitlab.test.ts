import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitlabStandin, type GitlabStandin } from "./index";

/** The stand-in's answers where GitLab's documented behaviour matters to a client. */
describe("GitLab stand-in: REST API v4 shapes", () => {
  let gl: GitlabStandin;
  beforeAll(async () => {
    gl = await startGitlabStandin({
      project: "platform/infra",
      files: { "a/one.tf": "one\n", "b.tf": "b\n" },
      users: [
        { username: "bot", token: "t-bot" },
        { username: "alice", token: "t-alice" },
      ],
    });
  });
  afterAll(async () => {
    await gl.close();
  });

  const api = async (method: string, path: string, body?: unknown, token: string | null = "t-bot") => {
    const res = await fetch(`${gl.url}/api/v4${path}`, {
      method,
      headers: { ...(token ? { "PRIVATE-TOKEN": token } : {}), ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = res.headers.get("content-type")?.startsWith("application/json") ? (JSON.parse(text) as unknown) : text;
    return { status: res.status, body: json as Record<string, unknown>, headers: res.headers };
  };
  const P = "/projects/platform%2Finfra";

  it("answers 401 to an unknown token and 404 Project Not Found without one", async () => {
    expect(await api("GET", `${P}/repository/branches/main`, undefined, "nope")).toMatchObject({ status: 401, body: { message: "401 Unauthorized" } });
    expect(await api("GET", `${P}/repository/branches/main`, undefined, null)).toMatchObject({ status: 404, body: { message: "404 Project Not Found" } });
    expect(await api("GET", `/projects/${gl.projectId}/repository/branches/main`)).toMatchObject({ status: 200, body: { name: "main", default: true } });
    const bearer = await fetch(`${gl.url}/api/v4${P}/repository/branches/main`, { headers: { Authorization: "Bearer t-alice" } });
    expect(bearer.status).toBe(200);
    expect(gl.requests.at(-1)).toMatchObject({ route: "GET /projects/:id/repository/branches/:branch", user: "alice", status: 200 });
    expect(await api("GET", "/nothing/here")).toMatchObject({ status: 404, body: { error: "404 Not Found" } });
  });

  it("serves files raw and as metadata, and 404 File Not Found", async () => {
    const raw = await api("GET", `${P}/repository/files/a%2Fone.tf/raw?ref=main`);
    expect(raw).toMatchObject({ status: 200, body: "one\n" });
    expect(raw.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const meta = await api("GET", `${P}/repository/files/a%2Fone.tf?ref=main`);
    expect(meta.body).toMatchObject({ file_name: "one.tf", file_path: "a/one.tf", encoding: "base64", content: Buffer.from("one\n").toString("base64"), ref: "main" });
    expect(await api("GET", `${P}/repository/files/a%2Fone.tf`)).toMatchObject({ status: 400, body: { error: "ref is missing" } });
    expect(await api("GET", `${P}/repository/files/zzz.tf/raw?ref=main`)).toMatchObject({ status: 404, body: { message: "404 File Not Found" } });
    expect(await api("GET", `${P}/repository/tree?path=nope&ref=main`)).toMatchObject({ status: 404, body: { message: "404 Tree Not Found" } });
  });

  it("paginates the tree with GitLab's headers", async () => {
    const page = await api("GET", `${P}/repository/tree?recursive=true&per_page=2`);
    expect((page.body as unknown as { path: string }[]).map((e) => e.path)).toEqual(["a", "a/one.tf"]);
    expect(page.headers.get("x-total")).toBe("3");
    expect(page.headers.get("x-next-page")).toBe("2");
    expect(page.headers.get("link")).toMatch(/page=2>; rel="next"/);
  });

  it("commits actions, refusing to create an existing file or update a missing one", async () => {
    const commit = (actions: unknown[], extra: Record<string, unknown> = {}) =>
      api("POST", `${P}/repository/commits`, { branch: "feature", commit_message: "change", actions, ...extra });
    expect(await commit([{ action: "create", file_path: "c.tf", content: "c\n" }])).toMatchObject({
      status: 400,
      body: { message: "You can only create or edit files when you are on a branch" },
    });
    expect(await commit([{ action: "create", file_path: "b.tf", content: "x\n" }], { start_branch: "main" })).toMatchObject({ status: 400, body: { message: "A file with this name already exists" } });
    expect(await commit([{ action: "update", file_path: "z.tf", content: "x\n" }], { start_branch: "main" })).toMatchObject({ status: 400, body: { message: "A file with this name doesn't exist" } });
    expect(await api("POST", `${P}/repository/commits`, { branch: "feature" })).toMatchObject({ status: 400, body: { error: "commit_message is missing, actions is missing" } });
    const created = await commit([{ action: "create", file_path: "c.tf", content: "c\n" }, { action: "update", file_path: "b.tf", content: "b2\n" }], { start_branch: "main", author_name: "Dana", author_email: "dana@example.com" });
    expect(created).toMatchObject({ status: 201, body: { title: "change", author_name: "Dana", committer_name: "bot", stats: { additions: 2, deletions: 1, total: 3 } } });
    expect(await gl.git(["show", "feature:c.tf"])).toBe("c\n");
    expect(await commit([{ action: "create", file_path: "d.tf", content: "d\n" }], { start_branch: "main" })).toMatchObject({
      status: 400,
      body: { message: "A branch called 'feature' already exists. Switch to that branch in order to make changes" },
    });
  });

  it("answers 409 for a second open MR from the branch, and follows approve/merge rules", async () => {
    const opened = await api("POST", `${P}/merge_requests`, { source_branch: "feature", target_branch: "main", title: "Draft: change", labels: "a,b" });
    expect(opened).toMatchObject({ status: 201, body: { iid: 1, state: "opened", draft: true, labels: ["a", "b"], web_url: `${gl.url}/platform/infra/-/merge_requests/1` } });
    expect(await api("POST", `${P}/merge_requests`, { source_branch: "feature", target_branch: "main", title: "again" })).toMatchObject({
      status: 409,
      body: { message: ["Another open merge request already exists for this source branch: !1"] },
    });
    expect(await api("PUT", `${P}/merge_requests/1/merge`, {})).toMatchObject({ status: 405, body: { message: "405 Method Not Allowed" } });
    expect(await api("POST", `${P}/merge_requests/1/approve`, {})).toMatchObject({ status: 401, body: { message: "401 Unauthorized" } });
    expect(await api("POST", `${P}/merge_requests/1/approve`, {}, "t-alice")).toMatchObject({ status: 201, body: { approved: true, approved_by: [{ user: { username: "alice" } }] } });
    expect(await api("POST", `${P}/merge_requests/1/approve`, {}, "t-alice")).toMatchObject({ status: 401 });
    expect(await api("PUT", `${P}/merge_requests/1`, { title: "change", add_labels: "c" })).toMatchObject({ status: 200, body: { draft: false, labels: ["a", "b", "c"] } });
    expect(await api("PUT", `${P}/merge_requests/1/merge`, { sha: "0".repeat(40) })).toMatchObject({ status: 409 });
    const merged = await api("PUT", `${P}/merge_requests/1/merge`, {});
    expect(merged).toMatchObject({ status: 200, body: { state: "merged", merged_by: { username: "bot" } } });
    expect(await gl.git(["show", "main:c.tf"])).toBe("c\n");
    expect(await api("GET", `${P}/merge_requests/1/approvals`)).toMatchObject({ body: { approved_by: [{ user: { username: "alice" } }] } });
    expect(await api("GET", `${P}/merge_requests/99`)).toMatchObject({ status: 404, body: { message: "404 Not found" } });
    expect(await api("GET", "/users?username=ALICE")).toMatchObject({ status: 200, body: [{ username: "alice" }] });
  });
});
