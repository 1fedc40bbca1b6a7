import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/user";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { AppError } from "@/lib/errors";
import { parseTerraform } from "@/lib/sources/terraform";
import { runSync } from "@/lib/sync";
import { readGitTree } from "@/lib/sync/git-tree";
import { startSyncWorld, type SyncWorld } from "@/lib/sync/test-support";
import type { ChangesContext } from "./context";
import { createChangeProvider } from "./providers";
import { createLocalProvider } from "./providers/local";
import type { ChangeProvider } from "./providers/types";
import { applyForgeEvent, createChangeRequest, getChangeFormOptions, getChangeRequest, listChangeRequests, refreshChangeStatus, refreshOpenChangeStatuses } from "./service";

const engineer: CurrentUser = { email: "erin@radius.example", name: "Erin Engineer", roles: ["engineer"] };
const compliance: CurrentUser = { email: "carl@radius.example", name: "Carl", roles: ["compliance"] };
const CANARY = "CANARY-value-never-in-terraform-51c2";

describe("change requests end to end: demo organisation, real Postgres, local git provider", () => {
  let w: SyncWorld;
  let repo: string;
  let cluster: string;
  let ctx: ChangesContext;
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } }).toString().trim();
  const radiusBranches = () => git("for-each-ref", "--format=%(refname)", "refs/heads/radius/").split("\n").filter(Boolean);
  const key = (rest: string) => `${cluster}:${rest}`;

  /** The branch's Terraform parses, carries the rendered files, and the request is audited. */
  async function expectOpened(result: Awaited<ReturnType<typeof createChangeRequest>>) {
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
    const change = await getChangeRequest(ctx, result.id);
    expect(change).toMatchObject({ status: "open", provider: "local", prUrl: `http://radius.test/changes/${result.id}`, requesterEmail: engineer.email, error: null });
    const tree = await readGitTree(repo, change!.branch!, ".", [".tf", ".hcl"]);
    expect(tree.commit).toBe(change!.commit);
    const parsed = await parseTerraform(tree.files);
    expect(parsed.problems.filter((p) => p.severity === "error")).toEqual([]);
    for (const f of change!.files) expect(git("show", `${change!.commit}:${f.path}`)).toBe(f.after.trimEnd());
    const audit = await w.database.prisma.portalAuditLog.findFirst({ where: { action: "changes.create", target: `change:${result.id}` } });
    expect(audit).toMatchObject({ actorEmail: engineer.email, actorRoles: ["engineer"], ip: "203.0.113.7", userAgent: "vitest" });
    expect(change!.body).toContain(`http://radius.test/changes/${result.id}`);
    return change!;
  }

  beforeAll(async () => {
    w = await startSyncWorld();
    expect(await runSync({ trigger: "manual" }, w.deps())).toMatchObject({ status: "succeeded" });
    repo = (w.config.terraform as { repo: string }).repo;
    const snapshotId = (await getActiveSnapshotId(w.database.prisma)) as string;
    cluster = (await w.database.prisma.identity.findFirstOrThrow({ where: { snapshotId }, select: { cluster: true } })).cluster;
    ctx = {
      db: w.database.prisma,
      user: engineer,
      provider: createLocalProvider({ repo, baseBranch: "main" }),
      settings: { terraformDir: ".", changesFile: "team-{team}.tf", baseBranch: "main", portalUrl: "http://radius.test" },
      request: { ip: "203.0.113.7", userAgent: "vitest" },
    };
  }, 240_000);
  afterAll(async () => w?.close());

  it("secret.create: a branch with the new secret and its readers' policy; the delta lists who will read it", async () => {
    const result = await createChangeRequest(ctx, {
      kind: "secret.create", cluster, mount: "kv-prod", path: "payments/prod/payments-api/webhook-signing-key", environment: "prod", ownerTeam: "team-payments",
      description: 'Signs "webhooks" ${not.interpolated}', classification: "restricted", rotationPeriodDays: "30", engine: "kv-v2",
      readers: [key("kubernetes-prod/payments-api"), key("group/team-payments")], reason: "Webhook signing for the new provider", value: CANARY,
    });
    const change = await expectOpened(result);
    expect(change.files.map((f) => f.path).sort()).toEqual(["identity.tf", "team-payments.tf"]);
    const readers = change.delta.newPaths.map((n) => n.identityKey);
    expect(readers).toEqual(expect.arrayContaining([key("kubernetes-prod/payments-api"), key("group/team-payments")]));
    // Broad existing rules reach the new path too, and the delta says so (ESO reads all of kv-prod).
    expect(change.delta.newPaths.some((n) => n.policy?.includes("eso-prod"))).toBe(true);
    const row = await w.database.prisma.changeRequest.findUniqueOrThrow({ where: { id: change.id } });
    expect(JSON.stringify(row)).not.toContain(CANARY);
    expect(change.diff).toContain("+++ b/team-payments.tf");
  });

  it("access.grant: the delta names exactly the identity that gains read", async () => {
    const secret = await w.database.prisma.secret.findFirstOrThrow({ where: { key: { startsWith: key("kv/checkout/staging/") } }, orderBy: { key: "asc" } });
    const who = key("kubernetes-prod/payments-api");
    const change = await expectOpened(await createChangeRequest(ctx, { kind: "access.grant", identityKey: who, secretKey: secret.key, access: "read", reason: "payments needs the checkout staging key" }));
    expect(change.delta.gains.map((g) => [g.identityKey, g.secretKey, g.capabilities.includes("read")])).toEqual([[who, secret.key, true]]);
    expect(change.delta.losses).toEqual([]);
  });

  it("access.revoke: a shared exact rule becomes a deny for this identity only", async () => {
    const who = key("approle/legacy-billing-export");
    const secret = key("kv-prod/payments/prod/payments-api/license-key");
    const change = await expectOpened(await createChangeRequest(ctx, { kind: "access.revoke", identityKey: who, secretKey: secret, origin: "review", reviewId: "7d0c6a1e-4b7e-4a53-9d43-2f1f6f0a9b10", reason: "billing export no longer needs it" }));
    expect(change.delta.losses.map((l) => [l.identityKey, l.secretKey])).toEqual([[who, secret]]);
    expect(change.files.map((f) => f.path)).toEqual(["approle.tf"]);
    expect(change.body).toMatch(/explicit `deny`/);
    const audit = await w.database.prisma.portalAuditLog.findFirstOrThrow({ where: { target: `change:${change.id}` } });
    expect(audit.details).toMatchObject({ kind: "access.revoke", reviewId: "7d0c6a1e-4b7e-4a53-9d43-2f1f6f0a9b10" });
  });

  it("rotation.update and policy.codify", async () => {
    const secret = await w.database.prisma.secret.findFirstOrThrow({ where: { key: { startsWith: key("kv/payments/dev/") }, engineKind: "kv-v2" }, orderBy: { key: "asc" } });
    const rotation = await expectOpened(await createChangeRequest(ctx, { kind: "rotation.update", secretKey: secret.key, rotationPeriodDays: 14, reason: "rotate every two weeks" }));
    expect(rotation.files[0]?.after).toContain('rotation_period = "336h"');
    const options = await getChangeFormOptions(ctx);
    const clickOps = options.liveOnlyPolicies.find((p) => p.name.startsWith("debug-"));
    expect(clickOps).toBeDefined();
    const codify = await expectOpened(await createChangeRequest(ctx, { kind: "policy.codify", cluster, policyName: clickOps!.name, reason: "codify the incident policy" }));
    expect(codify.files.map((f) => f.path)).toEqual(["team-shared.tf"]);
    expect(codify.delta).toMatchObject({ gains: [], losses: [] });
    expect(options.kvMounts).toEqual(expect.arrayContaining([{ cluster, mount: "kv" }, { cluster, mount: "kv-prod" }]));
  });

  it("invalid or impossible input creates no row, no branch and no audit record", async () => {
    const rows = await w.database.prisma.changeRequest.count();
    const audits = await w.database.prisma.portalAuditLog.count();
    const branches = radiusBranches();
    const invalid = await createChangeRequest(ctx, { kind: "secret.create", cluster, mount: "kv-prod", path: "../../etc", environment: "prod", ownerTeam: "team-payments", description: "x\ny", classification: "secret", rotationPeriodDays: 0, engine: "kv-v2", reason: "short" });
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { path: expect.any(String), description: expect.any(String), classification: expect.any(String), rotationPeriodDays: expect.any(String), reason: expect.any(String) } });
    expect(await createChangeRequest(ctx, { kind: "nope" })).toMatchObject({ ok: false, fieldErrors: { kind: expect.any(String) } });
    const granted = await createChangeRequest(ctx, { kind: "access.grant", identityKey: key("kubernetes-prod/payments-api"), secretKey: key("kv-prod/payments/prod/payments-api/license-key"), access: "read", reason: "it can already read this one" });
    expect(granted).toMatchObject({ ok: false, fieldErrors: { secretKey: expect.stringMatching(/already read/) } });
    expect(await w.database.prisma.changeRequest.count()).toBe(rows);
    expect(await w.database.prisma.portalAuditLog.count()).toBe(audits);
    expect(radiusBranches()).toEqual(branches);
    await expect(createChangeRequest({ ...ctx, user: compliance }, { kind: "nope" })).rejects.toThrow(AppError);
  });

  it("a provider failure is stored as failed, with the error, and audited", async () => {
    const broken: ChangeProvider = { ...ctx.provider, openPullRequest: async () => { throw new Error("forge unreachable"); } };
    const result = await createChangeRequest({ ...ctx, provider: broken }, { kind: "rotation.update", secretKey: key("kv-prod/payments/prod/payments-api/license-key"), rotationPeriodDays: 30, reason: "monthly rotation please" });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("forge unreachable"), id: expect.any(String) });
    const id = (result as { id: string }).id;
    expect(await getChangeRequest(ctx, id)).toMatchObject({ status: "failed", error: "forge unreachable" });
    expect(await w.database.prisma.portalAuditLog.count({ where: { target: `change:${id}` } })).toBe(1);
    const unconfigured = createChangeProvider({ GITHUB_API_URL: "https://api.github.com", GITLAB_URL: "https://gitlab.com", TERRAFORM_BRANCH: "main", TERRAFORM_REPO: "https://git.example.com/tf.git" });
    const noForge = await createChangeRequest({ ...ctx, provider: unconfigured }, { kind: "rotation.update", secretKey: key("kv-prod/payments/prod/payments-api/license-key"), rotationPeriodDays: 30, reason: "monthly rotation please" });
    expect(noForge).toMatchObject({ ok: false, error: expect.stringMatching(/No pull request provider is configured/) });
  });

  it("lists, filters, follows the branch status and applies forge events; the checkout is never touched", async () => {
    const mine = await listChangeRequests(ctx, { scope: "mine" });
    expect(mine.total).toBeGreaterThanOrEqual(6);
    expect(mine.rows.every((r) => r.requesterEmail === engineer.email)).toBe(true);
    expect((await listChangeRequests({ ...ctx, user: compliance }, { scope: "mine" })).total).toBe(0);
    expect((await listChangeRequests({ ...ctx, user: compliance }, { scope: "all", status: "failed" })).rows.every((r) => r.status === "failed")).toBe(true);
    const open = (await listChangeRequests(ctx, { status: "open", pageSize: 100 })).rows;
    const [first, second] = open;
    git("merge", "-q", "--no-gpg-sign", "--no-edit", first!.branch!);
    expect(await refreshChangeStatus(ctx, first!.id)).toMatchObject({ status: "merged" });
    git("branch", "-D", second!.branch!);
    expect(await refreshOpenChangeStatuses(ctx.db, ctx.provider)).toMatchObject({ changed: 1, failed: 0 });
    expect(await getChangeRequest(ctx, second!.id)).toMatchObject({ status: "closed" });
    // A merged request stays merged whatever arrives later.
    expect(await applyForgeEvent(ctx.db, { provider: "local", number: first!.prNumber!, state: "closed" })).toEqual({ updated: 0 });
    expect(await applyForgeEvent(ctx.db, { provider: "local", number: second!.prNumber!, state: "open", approvedBy: ["rev@radius.example"] })).toEqual({ updated: 1 });
    expect(await getChangeRequest(ctx, second!.id)).toMatchObject({ status: "open", approvedBy: ["rev@radius.example"] });
    expect(await getChangeRequest(ctx, "not-a-uuid")).toBeNull();
    expect(path.isAbsolute(repo)).toBe(true);
    git("checkout", "-q", "main");
    expect(git("status", "--porcelain")).toBe("");
  });
});
