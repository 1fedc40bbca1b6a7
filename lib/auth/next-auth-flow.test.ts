import { createRequire } from "node:module";
import path from "node:path";
import type { AuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_ROLE_MAPPING } from "@/lib/config-schema";
import { DEMO_PASSWORD, radiusClient, startLocalOidcProvider, type LocalOidcProvider } from "@/lib/demo/oidc";
import { buildAuthOptions, type SignInRecord } from "./build-options";
import { userFromSession } from "./user";

/**
 * The whole sign-in without a browser or a Next server: next-auth's own handler (the code the
 * route handler runs) against the demo provider, proving PKCE, state, the iss check, the ID token
 * claims and the role mapping work together.
 */
// next-auth does not export its core handler; load it by file (the route handler wraps exactly this).
interface InternalRequest {
  action: string;
  method: string;
  providerId?: string;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, string>;
}
interface InternalResponse {
  status?: number;
  body?: unknown;
  redirect?: string;
  cookies?: { name: string; value: string }[];
}
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler(params: { options: AuthOptions; req: InternalRequest }): Promise<InternalResponse>;
};

const NEXTAUTH_URL = "http://localhost:3000";
const SECRET = "test-secret-test-secret-test-secret!";

let op: LocalOidcProvider;
beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", NEXTAUTH_URL);
  op = await startLocalOidcProvider({ port: 0, clients: [radiusClient(NEXTAUTH_URL)] });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await op?.close();
});

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

function keep(jar: Jar, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

/** The provider side, as a user at the demo login page would do it (login, password, Sign in). */
async function loginAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar: Jar = new Map();
  const get = async (url: string) => {
    const res = await fetch(url, { redirect: "manual", headers: { cookie: cookieHeader(jar) } });
    keep(jar, res);
    return res;
  };
  const start = await get(authorizationUrl);
  const interaction = new URL(start.headers.get("location")!, op.issuer).toString();
  await get(interaction);
  let res = await fetch(interaction, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookieHeader(jar), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ login, password: DEMO_PASSWORD }).toString(),
  });
  keep(jar, res);
  for (let i = 0; i < 5; i++) {
    const location = new URL(res.headers.get("location")!, op.issuer);
    if (location.origin === NEXTAUTH_URL) return location;
    res = await get(location.toString());
  }
  throw new Error("the provider never redirected back to Radius");
}

async function signInThroughNextAuth(login: string) {
  const recordSignIn = vi.fn<(record: SignInRecord) => Promise<void>>(async () => {});
  const options = buildAuthOptions(
    {
      issuer: op.issuer,
      clientId: "radius",
      clientSecret: radiusClient(NEXTAUTH_URL).client_secret,
      scopes: "openid profile email groups",
      groupsClaim: "groups",
      roleMapping: DEFAULT_ROLE_MAPPING,
      sessionMaxAgeSeconds: 3600,
      secret: SECRET,
    },
    { recordSignIn },
  );
  const cookies: Record<string, string> = {};
  const remember = (res: { cookies?: { name: string; value: string }[] }) => {
    for (const c of res.cookies ?? []) cookies[c.name] = c.value;
  };
  const headers = { host: "localhost:3000" };

  const csrf = await AuthHandler({ options, req: { action: "csrf", method: "GET", headers, cookies } });
  remember(csrf);
  const start = await AuthHandler({
    options,
    req: { action: "signin", providerId: "oidc", method: "POST", headers, cookies, body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, callbackUrl: "/secrets" } },
  });
  remember(start);
  const authorizationUrl = new URL(start.redirect!);
  expect(authorizationUrl.origin).toBe(op.issuer);
  expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorizationUrl.searchParams.get("state")).toBeTruthy();

  const back = await loginAtProvider(authorizationUrl.toString(), login);
  const callback = await AuthHandler({
    options,
    req: { action: "callback", providerId: "oidc", method: "GET", headers, cookies, query: Object.fromEntries(back.searchParams) },
  });
  remember(callback);
  return { callback, cookies, options, recordSignIn };
}

describe("next-auth against the demo provider", () => {
  it("signs alice in as engineer and exposes email, name and roles in the session", async () => {
    const { callback, cookies, options, recordSignIn } = await signInThroughNextAuth("alice");
    expect(callback.redirect).toBe(`${NEXTAUTH_URL}/secrets`);
    const sessionToken = cookies["next-auth.session-token"];
    expect(sessionToken).toBeTruthy();
    const token = await decode({ token: sessionToken, secret: SECRET });
    expect(token).toMatchObject({ email: "alice@radius.example", name: "Alice Nguyen", roles: ["engineer"] });
    expect(recordSignIn).toHaveBeenCalledWith(expect.objectContaining({ email: "alice@radius.example", roles: ["engineer"] }));

    const session = await AuthHandler({ options, req: { action: "session", method: "GET", headers: { host: "localhost:3000" }, cookies } });
    expect(userFromSession(session.body)).toEqual({ email: "alice@radius.example", name: "Alice Nguyen", roles: ["engineer"] });
  });

  it("signs adam in as admin and nina in with no role", async () => {
    const adam = await signInThroughNextAuth("adam");
    expect(await decode({ token: adam.cookies["next-auth.session-token"], secret: SECRET })).toMatchObject({ roles: ["admin"] });
    const nina = await signInThroughNextAuth("nina");
    expect(await decode({ token: nina.cookies["next-auth.session-token"], secret: SECRET })).toMatchObject({ email: "nina@radius.example", roles: [] });
  });
});
