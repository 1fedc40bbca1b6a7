import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The real route modules and guard; only the session source is stubbed. Denials happen before any
// database or configuration is touched, which is what these tests prove.
const getServerSession = vi.fn();
vi.mock("next-auth", () => ({ getServerSession: (...args: unknown[]) => getServerSession(...args) }));
vi.mock("@/lib/auth/options", () => ({ getAuthOptions: () => ({}) }));

const { GET: exportsRoute } = await import("@/app/api/exports/route");
const { GET: estimateRoute } = await import("@/app/api/exports/estimate/route");
const { GET: manifestRoute } = await import("@/app/api/exports/[id]/manifest/route");
const { GET: checklistRoute } = await import("@/app/api/checklist/route");
const { GET: auditTrailRoute } = await import("@/app/api/audit-trail/route");

const session = (roles: string[]) => ({ user: { email: "x@radius.example", name: "x", roles }, expires: "2999-01-01T00:00:00.000Z" });
type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (route: Route, path: string, params: Record<string, string> = {}) => route(new NextRequest(`http://localhost:3000${path}`), { params: Promise.resolve(params) });

const ROUTES: [string, Route, string, Record<string, string>?][] = [
  ["exports", exportsRoute as Route, "/api/exports?dataset=inventory&format=csv"],
  ["estimate", estimateRoute as Route, "/api/exports/estimate?dataset=inventory"],
  ["manifest", manifestRoute as Route, "/api/exports/00000000-0000-4000-8000-000000000000/manifest", { id: "00000000-0000-4000-8000-000000000000" }],
  ["checklist", checklistRoute as Route, "/api/checklist"],
  ["audit-trail", auditTrailRoute as Route, "/api/audit-trail"],
];

describe("export, checklist and audit-trail routes behind the guard", () => {
  beforeEach(() => getServerSession.mockReset());

  it("answer 401 to anonymous callers", async () => {
    getServerSession.mockResolvedValue(null);
    for (const [name, route, path, params] of ROUTES) expect((await call(route, path, params)).status, name).toBe(401);
  });

  it("answer 403 to engineers for exports and the audit trail, and to users without a role everywhere", async () => {
    getServerSession.mockResolvedValue(session(["engineer"]));
    for (const [name, route, path, params] of ROUTES.filter(([n]) => n !== "checklist")) {
      const res = await call(route, path, params);
      expect(res.status, name).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
    }
    getServerSession.mockResolvedValue(session([]));
    for (const [name, route, path, params] of ROUTES) expect((await call(route, path, params)).status, name).toBe(403);
  });

  it("rejects a malformed export request with 400 before streaming", async () => {
    getServerSession.mockResolvedValue(session(["compliance"]));
    expect((await call(exportsRoute as Route, "/api/exports?dataset=secrets-with-values&format=csv")).status).toBe(400);
    expect((await call(exportsRoute as Route, "/api/exports?dataset=alerts&from=2026-13-01")).status).toBe(400);
  });
});
