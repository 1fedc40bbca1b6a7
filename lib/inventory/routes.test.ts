import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The real route modules and guard; only the session is stubbed. Every case here is decided before
// the database is touched (guard, then zod), so no database is needed.
const getServerSession = vi.fn();
vi.mock("next-auth", () => ({ getServerSession: (...args: unknown[]) => getServerSession(...args) }));
vi.mock("@/lib/auth/options", () => ({ getAuthOptions: () => ({}) }));

const secrets = await import("@/app/api/secrets/route");
const secret = await import("@/app/api/secrets/[...key]/route");
const identities = await import("@/app/api/identities/route");
const identity = await import("@/app/api/identities/[...key]/route");
const workloads = await import("@/app/api/workloads/route");
const workload = await import("@/app/api/workloads/[...key]/route");
const policies = await import("@/app/api/policies/route");
const policy = await import("@/app/api/policies/[cluster]/[name]/route");

const session = (roles: string[]) => ({ user: { email: "x@radius.example", name: "x", roles }, expires: "2999-01-01T00:00:00.000Z" });
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const call = (h: Handler, path: string, params: Record<string, string | string[]> = {}) =>
  h(new NextRequest(`http://localhost:3000${path}`), { params: Promise.resolve(params) });

const ROUTES: [string, Handler, string, Record<string, string | string[]>][] = [
  ["secrets", secrets.GET as Handler, "/api/secrets", {}],
  ["secret", secret.GET as Handler, "/api/secrets/primary:kv/a", { key: ["primary:kv", "a"] }],
  ["identities", identities.GET as Handler, "/api/identities", {}],
  ["identity", identity.GET as Handler, "/api/identities/primary:group/x", { key: ["primary:group", "x"] }],
  ["workloads", workloads.GET as Handler, "/api/workloads", {}],
  ["workload", workload.GET as Handler, "/api/workloads/k8s:a/b", { key: ["k8s:a", "b"] }],
  ["policies", policies.GET as Handler, "/api/policies", {}],
  ["policy", policy.GET as Handler, "/api/policies/primary/default", { cluster: "primary", name: "default" }],
];

describe("inventory API guard and validation", () => {
  beforeEach(() => getServerSession.mockReset());

  it.each(ROUTES)("%s: 401 anonymous, 403 without a role", async (_name, handler, path, params) => {
    getServerSession.mockResolvedValue(null);
    const anon = await call(handler, path, params);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ error: { code: "unauthenticated" } });
    getServerSession.mockResolvedValue(session([]));
    const none = await call(handler, path, params);
    expect(none.status).toBe(403);
    expect(await none.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("400 for bad list params, naming the field", async () => {
    getServerSession.mockResolvedValue(session(["engineer"]));
    for (const q of ["sort=owner", "page=0", "pageSize=7", "minScore=101", "dir=up", "format=xml"]) {
      const res = await call(secrets.GET as Handler, `/api/secrets?${q}`);
      expect(res.status, q).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.details.issues[0].path).toBe(q.split("=")[0]);
    }
    expect((await call(identities.GET as Handler, "/api/identities?kind=robot")).status).toBe(400);
    expect((await call(workloads.GET as Handler, "/api/workloads?sort=size")).status).toBe(400);
    expect((await call(policies.GET as Handler, "/api/policies?origin=git")).status).toBe(400);
  });

  it("400 for a key with dot segments or control characters", async () => {
    getServerSession.mockResolvedValue(session(["engineer"]));
    expect((await call(secret.GET as Handler, "/api/secrets/x", { key: ["primary:kv", "..", "a"] })).status).toBe(400);
    expect((await call(secret.GET as Handler, "/api/secrets/x", { key: ["primary:kv", "a\u0000"] })).status).toBe(400);
  });

  it("403 for a CSV of secrets without secrets.export (engineer), before any database access", async () => {
    getServerSession.mockResolvedValue(session(["engineer"]));
    const res = await call(secrets.GET as Handler, "/api/secrets?format=csv");
    expect(res.status).toBe(403);
  });
});
