import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The real route modules and guard; only the session source is stubbed. Every case here is refused
// before a service runs, so no database is needed.
const getServerSession = vi.fn();
vi.mock("next-auth", () => ({ getServerSession: (...args: unknown[]) => getServerSession(...args) }));
vi.mock("@/lib/auth/options", () => ({ getAuthOptions: () => ({}) }));

const campaigns = await import("@/app/api/reviews/route");
const decide = await import("@/app/api/reviews/[id]/decisions/[decisionId]/route");
const close = await import("@/app/api/reviews/[id]/close/route");
const report = await import("@/app/api/reviews/[id]/report/route");

const ID = "6f1c1a52-6a8e-4d5e-9a53-0f6f1b0b7a11";
const session = (roles: string[]) => ({ user: { email: "x@radius.example", name: "x", roles }, expires: "2999-01-01T00:00:00.000Z" });
const req = (path: string, method = "GET") => new NextRequest(`http://localhost:3000${path}`, { method, body: method === "POST" ? "{}" : undefined });
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

describe("/api/reviews guards", () => {
  beforeEach(() => getServerSession.mockReset());

  it("answers 401 to anonymous callers on every endpoint", async () => {
    getServerSession.mockResolvedValue(null);
    expect((await campaigns.GET(req("/api/reviews"), ctx({}))).status).toBe(401);
    expect((await campaigns.POST(req("/api/reviews", "POST"), ctx({}))).status).toBe(401);
    expect((await decide.POST(req(`/api/reviews/${ID}/decisions/${ID}`, "POST"), ctx({ id: ID, decisionId: ID }))).status).toBe(401);
    expect((await close.POST(req(`/api/reviews/${ID}/close`, "POST"), ctx({ id: ID }))).status).toBe(401);
    expect((await report.GET(req(`/api/reviews/${ID}/report`), ctx({ id: ID }))).status).toBe(401);
  });

  it("creating and closing need reviews.manage (security, admin)", async () => {
    for (const roles of [["engineer"], ["compliance"], []]) {
      getServerSession.mockResolvedValue(session(roles));
      expect((await campaigns.POST(req("/api/reviews", "POST"), ctx({}))).status, roles.join()).toBe(403);
      expect((await close.POST(req(`/api/reviews/${ID}/close`, "POST"), ctx({ id: ID }))).status, roles.join()).toBe(403);
    }
  });

  it("deciding needs reviews.decide (compliance cannot); the report needs reviews.read (engineers cannot)", async () => {
    getServerSession.mockResolvedValue(session(["compliance"]));
    const denied = await decide.POST(req(`/api/reviews/${ID}/decisions/${ID}`, "POST"), ctx({ id: ID, decisionId: ID }));
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: { code: "forbidden" } });
    getServerSession.mockResolvedValue(session([]));
    expect((await campaigns.GET(req("/api/reviews"), ctx({}))).status).toBe(403);
    getServerSession.mockResolvedValue(session(["engineer"]));
    expect((await report.GET(req(`/api/reviews/${ID}/report?format=pdf`), ctx({ id: ID }))).status).toBe(403);
  });
});
