import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The real route module and guard; only the session is stubbed. Every case here is decided before
// the database is touched (guard, then zod), so no database is needed.
const getServerSession = vi.fn();
vi.mock("next-auth", () => ({ getServerSession: (...args: unknown[]) => getServerSession(...args) }));
vi.mock("@/lib/auth/options", () => ({ getAuthOptions: () => ({}) }));

const drift = await import("@/app/api/drift/route");

const session = (roles: string[]) => ({ user: { email: "x@radius.example", name: "x", roles }, expires: "2999-01-01T00:00:00.000Z" });
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const call = (path: string) => (drift.GET as Handler)(new NextRequest(`http://localhost:3000${path}`), { params: Promise.resolve({}) });

describe("GET /api/drift guard and validation", () => {
  beforeEach(() => getServerSession.mockReset());

  it("401 anonymous; 403 for engineer, compliance and no role, JSON and CSV alike", async () => {
    getServerSession.mockResolvedValue(null);
    const anon = await call("/api/drift");
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ error: { code: "unauthenticated" } });
    for (const roles of [["engineer"], ["compliance"], []]) {
      getServerSession.mockResolvedValue(session(roles));
      for (const path of ["/api/drift", "/api/drift?format=csv"]) {
        const res = await call(path);
        expect(res.status, `${roles} ${path}`).toBe(403);
        expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
      }
    }
  });

  it("400 for bad params, naming the field", async () => {
    getServerSession.mockResolvedValue(session(["security"]));
    for (const q of ["kind=secret", "status=gone", "sort=size", "dir=up", "page=0", "pageSize=7", "format=xml"]) {
      const res = await call(`/api/drift?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.details.issues[0].path).toBe(q.split("=")[0]);
    }
  });
});
