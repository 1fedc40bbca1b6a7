import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { createAuthorizeAction, createWithApiAuth, safeCallbackPath, signInPath } from "./guard-core";
import type { CurrentUser } from "./user";

const USERS = {
  alice: { email: "alice@radius.example", name: "Alice", roles: ["engineer"] },
  adam: { email: "adam@radius.example", name: "Adam", roles: ["admin"] },
  nina: { email: "nina@radius.example", name: "Nina", roles: [] },
} satisfies Record<string, CurrentUser>;

const as = (user: CurrentUser | null) => async () => user;
const req = () => new NextRequest("http://localhost:3000/api/test");
const noParams = { params: Promise.resolve({}) };

describe("withApiAuth", () => {
  it("answers 401 unauthenticated to an anonymous caller without running the handler", async () => {
    const handler = vi.fn(async () => Response.json({ ok: true }));
    const res = await createWithApiAuth(as(null))("secrets.read", handler)(req(), noParams);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 403 forbidden to a signed-in caller without the permission", async () => {
    const handler = vi.fn(async () => Response.json({ ok: true }));
    const res = await createWithApiAuth(as(USERS.alice))("sync.run", handler)(req(), noParams);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 403 to a user with no Radius role, even for read permissions", async () => {
    const res = await createWithApiAuth(as(USERS.nina))("secrets.read", async () => Response.json({}))(req(), noParams);
    expect(res.status).toBe(403);
  });

  it("runs the handler with the user and the awaited params when allowed", async () => {
    const withApiAuth = createWithApiAuth(as(USERS.adam));
    const route = withApiAuth<{ id: string }>("sync.run", async (_req, { user, params }) => Response.json({ who: user.email, id: params.id }));
    const res = await route(req(), { params: Promise.resolve({ id: "s-1" }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ who: "adam@radius.example", id: "s-1" });
  });

  it("lets any signed-in user through an 'authenticated' endpoint, and no anonymous one", async () => {
    const handler = async (_r: NextRequest, { user }: { user: CurrentUser }) => Response.json(user);
    expect((await createWithApiAuth(as(USERS.nina))("authenticated", handler)(req(), noParams)).status).toBe(200);
    expect((await createWithApiAuth(as(null))("authenticated", handler)(req(), noParams)).status).toBe(401);
  });

  it("maps thrown AppErrors to their status", async () => {
    const route = createWithApiAuth(as(USERS.alice))("secrets.read", async () => {
      throw new AppError("not_found", { userMessage: "No such secret." });
    });
    const res = await route(req(), noParams);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "No such secret." } });
  });

  it("maps zod failures to 400 with the issues", async () => {
    const route = createWithApiAuth(as(USERS.alice))("secrets.read", async () => {
      z.object({ path: z.string() }).parse({ path: 3 });
      return Response.json({});
    });
    const res = await route(req(), noParams);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { issues: { path: string }[] } } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.details.issues[0]?.path).toBe("path");
  });

  it("never leaks an unexpected error: 500 internal_error with a reference, details only in the log", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const route = createWithApiAuth(as(USERS.alice))("secrets.read", async () => {
      throw new Error("connect ECONNREFUSED postgres://radius:hunter2@db:5432");
    });
    const res = await route(req(), noParams);
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("ECONNREFUSED");
    const body = JSON.parse(text) as { error: { code: string; reference: string } };
    expect(body.error.code).toBe("internal_error");
    expect(log.mock.calls.flat().join(" ")).toContain(body.error.reference);
    log.mockRestore();
  });

  it("fails closed when the session cannot be read", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = vi.fn(async () => Response.json({ ok: true }));
    const broken = async (): Promise<CurrentUser | null> => {
      throw new Error("JWEDecryptionFailed");
    };
    const res = await createWithApiAuth(broken)("secrets.read", handler)(req(), noParams);
    expect(res.status).toBe(500);
    expect(handler).not.toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("authorizeAction", () => {
  it("throws unauthenticated, then forbidden, then returns the user", async () => {
    await expect(createAuthorizeAction(as(null))("changes.create")).rejects.toMatchObject({ code: "unauthenticated", status: 401 });
    await expect(createAuthorizeAction(as(USERS.nina))("changes.create")).rejects.toMatchObject({ code: "forbidden", status: 403 });
    await expect(createAuthorizeAction(as(USERS.alice))("changes.create")).resolves.toEqual(USERS.alice);
  });
});

describe("safeCallbackPath", () => {
  it("keeps same-origin relative paths", () => {
    expect(safeCallbackPath("/secrets?q=db#top")).toBe("/secrets?q=db#top");
    expect(signInPath("/secrets/a b")).toBe("/signin?callbackUrl=%2Fsecrets%2Fa%20b");
  });

  it("refuses open redirects", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "secrets", "/a\nb", "", undefined, null]) {
      expect(safeCallbackPath(bad), String(bad)).toBe("/");
    }
    expect(safeCallbackPath("https://evil.example/x", "/", "http://localhost:3000")).toBe("/");
  });

  it("reduces an absolute URL on the portal's own origin to its path", () => {
    expect(safeCallbackPath("http://localhost:3000/alerts?x=1", "/", "http://localhost:3000")).toBe("/alerts?x=1");
  });
});
