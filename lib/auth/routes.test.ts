import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The real route modules and the real guard; only the session source (next-auth) is stubbed.
const getServerSession = vi.fn();
vi.mock("next-auth", () => ({ getServerSession: (...args: unknown[]) => getServerSession(...args) }));
vi.mock("@/lib/auth/options", () => ({ getAuthOptions: () => ({}) }));

const { GET: me } = await import("@/app/api/me/route");
const { GET: adminPing } = await import("@/app/api/admin/ping/route");

const session = (email: string, roles: string[]) => ({ user: { email, name: email, roles }, expires: "2999-01-01T00:00:00.000Z" });
const call = (route: typeof me, path: string) => route(new NextRequest(`http://localhost:3000${path}`), { params: Promise.resolve({}) });

describe("demo endpoints behind the guard", () => {
  beforeEach(() => getServerSession.mockReset());

  it("/api/me: 401 anonymous, 200 with identity for any signed-in user (even without a role)", async () => {
    getServerSession.mockResolvedValue(null);
    expect((await call(me, "/api/me")).status).toBe(401);

    getServerSession.mockResolvedValue(session("nina@radius.example", []));
    const res = await call(me, "/api/me");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ email: "nina@radius.example", name: "nina@radius.example", roles: [] });
  });

  it("/api/admin/ping: 401 anonymous, 403 for every non-admin role, 200 for admin", async () => {
    getServerSession.mockResolvedValue(null);
    const anon = await call(adminPing, "/api/admin/ping");
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ error: { code: "unauthenticated" } });

    for (const roles of [["engineer"], ["security"], ["compliance"], []]) {
      getServerSession.mockResolvedValue(session("x@radius.example", roles));
      const res = await call(adminPing, "/api/admin/ping");
      expect(res.status, roles.join()).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
    }

    getServerSession.mockResolvedValue(session("adam@radius.example", ["admin"]));
    const ok = await call(adminPing, "/api/admin/ping");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, actor: "adam@radius.example" });
  });

  it("does not trust role names the table does not know", async () => {
    getServerSession.mockResolvedValue(session("mallory@radius.example", ["superuser", "Admin"]));
    expect((await call(adminPing, "/api/admin/ping")).status).toBe(403);
  });
});
