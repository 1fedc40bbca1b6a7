import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { Issuer, generators } from "openid-client";
import { DEFAULT_ROLE_MAPPING } from "@/lib/config-schema";
import { mapGroupsToRoles } from "@/lib/auth/role-mapping";
import { DEMO_PASSWORD, startLocalOidcProvider, type LocalOidcProvider } from "./index";

const CLIENT = { client_id: "radius", client_secret: "radius-test-secret", redirect_uris: ["http://localhost:3999/api/auth/callback/oidc"] };
const REDIRECT_URI = CLIENT.redirect_uris[0]!;

/** Just enough of a browser: a cookie jar (names only; paths ignored) and manual redirects. */
class Browser {
  private cookies = new Map<string, string>();
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || pair.slice(eq + 1) === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
    return res;
  }
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  scopes_supported: string[];
  code_challenge_methods_supported: string[];
}

let op: LocalOidcProvider;
let discovery: Discovery;

beforeAll(async () => {
  op = await startLocalOidcProvider({ port: 0, clients: [CLIENT] });
  discovery = (await (await fetch(`${op.issuer}/.well-known/openid-configuration`)).json()) as Discovery;
});
afterAll(async () => {
  await op?.close();
});

function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function authorizeUrl(params: Record<string, string>): string {
  const url = new URL(discovery.authorization_endpoint);
  const all = { client_id: CLIENT.client_id, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid profile email groups", ...params };
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  return url.toString();
}

function exchangeCode(code: string, verifier: string): Promise<Response> {
  return fetch(discovery.token_endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${CLIENT.client_id}:${CLIENT.client_secret}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier }).toString(),
  });
}

/** Authorization request -> login page -> credentials -> (consent auto) -> redirect with code. */
async function signIn(login: string, pkce: { challenge: string }, state: string, browser = new Browser()) {
  const start = await browser.fetch(authorizeUrl({ state, code_challenge: pkce.challenge, code_challenge_method: "S256" }));
  expect(start.status).toBe(303);
  const loginUrl = new URL(start.headers.get("location")!, op.issuer).toString();

  const page = await browser.fetch(loginUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<label for="user">User</label>');
  expect(html).toContain('<label for="password">Password</label>');
  expect(html).toContain(">Sign in</button>");
  expect(html).toContain(DEMO_PASSWORD);
  const action = new URL(/<form method="post" action="([^"]+)"/.exec(html)![1]!, op.issuer).toString();

  const post = (password: string) =>
    browser.fetch(action, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ login, password }).toString() });
  const wrong = await post("not-the-password");
  expect(wrong.status).toBe(401);
  expect(await wrong.text()).toContain("Unknown user or wrong password.");

  let res = await post(DEMO_PASSWORD);
  for (let hops = 0; hops < 5 && res.status >= 300 && res.status < 400; hops++) {
    const location = new URL(res.headers.get("location")!, op.issuer);
    if (location.toString().startsWith(REDIRECT_URI)) return location;
    res = await browser.fetch(location.toString());
    if (res.status === 200) res = await autoSubmit(browser, res);
  }
  throw new Error(`no redirect to the client (last status ${res.status} at ${res.url}: ${(await res.text()).slice(0, 3000)})`);
}

/** oidc-provider switches accounts with a self-submitting form (a browser runs its script). */
async function autoSubmit(browser: Browser, res: Response): Promise<Response> {
  const html = await res.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action || !html.includes("document.forms[0].submit()")) throw new Error(`unexpected page: ${html.slice(0, 500)}`);
  const fields = new URLSearchParams([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]));
  return browser.fetch(action, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: fields.toString() });
}

describe("local OIDC provider", () => {
  it("publishes discovery with the groups scope and S256 PKCE", () => {
    expect(discovery.issuer).toBe(op.issuer);
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(["openid", "email", "profile", "groups"]));
    expect(discovery.code_challenge_methods_supported).toEqual(["S256"]);
  });

  it("runs the authorization code + PKCE flow and issues a signed ID token with email and groups", async () => {
    const pkce = pkcePair();
    const state = randomBytes(8).toString("hex");
    const callback = await signIn("alice", pkce, state);
    expect(callback.searchParams.get("state")).toBe(state);
    expect(callback.searchParams.get("iss")).toBe(op.issuer);
    const code = callback.searchParams.get("code");
    expect(code).toBeTruthy();

    const tokenRes = await exchangeCode(code!, pkce.verifier);
    expect(tokenRes.status).toBe(200);
    const tokens = (await tokenRes.json()) as { id_token: string; access_token: string };

    const { payload, protectedHeader } = await jwtVerify(tokens.id_token, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: op.issuer,
      audience: CLIENT.client_id,
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({ sub: "alice", email: "alice@radius.example", name: "Alice Nguyen", groups: ["radius-engineers", "team-payments"] });
    expect(mapGroupsToRoles(payload.groups, DEFAULT_ROLE_MAPPING)).toEqual(["engineer"]);
  });

  it("rejects a code exchange with the wrong PKCE verifier", async () => {
    const pkce = pkcePair();
    const callback = await signIn("sam", pkce, "s1");
    const tokenRes = await exchangeCode(callback.searchParams.get("code")!, pkcePair().verifier);
    expect(tokenRes.status).toBe(400);
    expect(await tokenRes.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("requires PKCE even for a confidential client", async () => {
    const res = await new Browser().fetch(authorizeUrl({ state: "x" }));
    const location = new URL(res.headers.get("location")!, op.issuer);
    expect(location.toString().startsWith(REDIRECT_URI)).toBe(true);
    expect(location.searchParams.get("error")).toBe("invalid_request");
  });

  it("refuses an unregistered redirect URI without redirecting to it", async () => {
    const url = new URL(authorizeUrl({ state: "x", code_challenge: pkcePair().challenge, code_challenge_method: "S256" }));
    url.searchParams.set("redirect_uri", "http://evil.example/cb");
    const res = await new Browser().fetch(url.toString());
    expect(res.headers.get("location") ?? "").not.toContain("evil.example");
    expect(res.status).toBe(400);
  });

  it("asks who you are on every sign-in, so one browser can switch demo users", async () => {
    const browser = new Browser();
    const first = await signIn("adam", pkcePair(), "a1", browser);
    expect(first.searchParams.get("code")).toBeTruthy();
    const pkce = pkcePair();
    const second = await signIn("carol", pkce, "c1", browser); // fails if the login page were skipped
    const tokenRes = await exchangeCode(second.searchParams.get("code")!, pkce.verifier);
    const { id_token } = (await tokenRes.json()) as { id_token: string };
    const { payload } = await jwtVerify(id_token, createRemoteJWKSet(new URL(discovery.jwks_uri)));
    expect(payload.sub).toBe("carol");
  });

  it("returns access_denied to the client when the user cancels", async () => {
    const browser = new Browser();
    const start = await browser.fetch(authorizeUrl({ state: "z", code_challenge: pkcePair().challenge, code_challenge_method: "S256" }));
    const abort = await browser.fetch(new URL(`${start.headers.get("location")}/abort`, op.issuer).toString());
    expect(abort.status).toBe(303);
    const resumed = await browser.fetch(new URL(abort.headers.get("location")!, op.issuer).toString());
    const location = new URL(resumed.headers.get("location")!);
    expect(location.toString().startsWith(REDIRECT_URI)).toBe(true);
    expect(location.searchParams.get("error")).toBe("access_denied");
  });

  it("answers an unknown interaction with a readable page, not a crash", async () => {
    const res = await fetch(`${op.issuer}/interaction/does-not-exist`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Sign-in expired");
  });

  it("works with openid-client (what next-auth uses), including the iss check; nina has no Radius group", async () => {
    const issuer = await Issuer.discover(`${op.issuer}/.well-known/openid-configuration`);
    const client = new issuer.Client({ ...CLIENT, token_endpoint_auth_method: "client_secret_basic" });
    const verifier = generators.codeVerifier();
    const state = generators.state();
    const authUrl = client.authorizationUrl({ scope: "openid profile email groups", state, code_challenge: generators.codeChallenge(verifier), code_challenge_method: "S256" });
    expect(authUrl.startsWith(discovery.authorization_endpoint)).toBe(true);

    const callback = await signIn("nina", { challenge: generators.codeChallenge(verifier) }, state);
    const tokens = await client.callback(REDIRECT_URI, client.callbackParams(callback.toString()), { state, code_verifier: verifier });
    const claims = tokens.claims();
    expect(claims).toMatchObject({ sub: "nina", email: "nina@radius.example", groups: ["team-search"] });
    expect(mapGroupsToRoles(claims.groups, DEFAULT_ROLE_MAPPING)).toEqual([]);
  });
});
