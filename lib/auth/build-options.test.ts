import type { Account, Profile, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_ROLE_MAPPING } from "@/lib/config-schema";
import { buildAuthOptions, type AuthSettings, type SignInRecord } from "./build-options";
import { userFromSession } from "./user";

const SETTINGS: AuthSettings = {
  issuer: "http://127.0.0.1:9400/",
  clientId: "radius",
  clientSecret: "secret",
  scopes: "openid profile email groups",
  groupsClaim: "groups",
  roleMapping: DEFAULT_ROLE_MAPPING,
  sessionMaxAgeSeconds: 3600,
  secret: "x".repeat(32),
};

const account = { provider: "oidc", type: "oauth", providerAccountId: "alice" } as Account;
const alice = { sub: "alice", email: "alice@radius.example", name: "Alice Nguyen", groups: ["radius-engineers", "team-payments"] } as Profile;

function setup(settings: Partial<AuthSettings> = {}) {
  const recordSignIn = vi.fn<(record: SignInRecord) => Promise<void>>(async () => {});
  const options = buildAuthOptions({ ...SETTINGS, ...settings }, { recordSignIn });
  const { jwt, session, signIn } = options.callbacks!;
  return { options, recordSignIn, jwt: jwt!, session: session!, signIn: signIn! };
}

const jwtArgs = (extra: { account: Account; profile: Profile }) => ({ token: { sub: "alice", picture: "x" } as JWT, user: { id: "alice" }, trigger: "signIn" as const, ...extra });

describe("buildAuthOptions", () => {
  it("configures a generic OIDC provider with PKCE, state, the ID token and basic client auth", () => {
    const { options } = setup();
    const provider = options.providers[0] as OAuthConfig<unknown>;
    expect(provider).toMatchObject({
      id: "oidc",
      type: "oauth",
      wellKnown: "http://127.0.0.1:9400/.well-known/openid-configuration",
      idToken: true,
      checks: ["pkce", "state"],
      client: { token_endpoint_auth_method: "client_secret_basic" },
      authorization: { params: { scope: "openid profile email groups" } },
    });
    expect(options.session).toEqual({ strategy: "jwt", maxAge: 3600 });
    expect(options.pages).toEqual({ signIn: "/signin", error: "/signin" });
  });

  it("maps groups to roles at sign-in, records the sign-in, and keeps the token small", async () => {
    const { jwt, recordSignIn } = setup();
    const token = await jwt(jwtArgs({ account, profile: alice }));
    expect(token).toEqual({ sub: "alice", email: "alice@radius.example", name: "Alice Nguyen", roles: ["engineer"] });
    expect(recordSignIn).toHaveBeenCalledWith({
      subject: "alice",
      email: "alice@radius.example",
      name: "Alice Nguyen",
      roles: ["engineer"],
      groups: ["radius-engineers", "team-payments"],
    });
  });

  it("reads the groups from the configured claim", async () => {
    const { jwt } = setup({ groupsClaim: "realm_access.roles" });
    const profile = { ...alice, groups: undefined, realm_access: { roles: ["radius-admins"] } } as Profile;
    expect((await jwt(jwtArgs({ account, profile }))).roles).toEqual(["admin"]);
  });

  it("lets a user with no Radius group sign in with no role", async () => {
    const { jwt, recordSignIn } = setup();
    const nina = { sub: "nina", email: "nina@radius.example", name: "Nina", groups: ["team-search"] } as Profile;
    expect((await jwt(jwtArgs({ account, profile: nina }))).roles).toEqual([]);
    expect(recordSignIn).toHaveBeenCalledOnce();
  });

  it("fails the sign-in when the audit record cannot be written", async () => {
    const failing = buildAuthOptions(SETTINGS, { recordSignIn: async () => Promise.reject(new Error("db down")) });
    await expect(failing.callbacks!.jwt!(jwtArgs({ account, profile: alice }))).rejects.toThrow("db down");
  });

  it("keeps roles fixed between sign-ins (no re-mapping, no re-recording)", async () => {
    const { jwt, recordSignIn } = setup();
    const existing = { sub: "alice", email: "alice@radius.example", name: "Alice", roles: ["engineer"] } as JWT;
    expect(await jwt({ token: existing, user: { id: "alice" }, account: null })).toBe(existing);
    expect(recordSignIn).not.toHaveBeenCalled();
  });

  it("refuses an identity without an email", async () => {
    const { signIn } = setup();
    expect(await signIn({ user: { id: "x" }, account, profile: { sub: "x" } as Profile })).toBe(false);
    expect(await signIn({ user: { id: "a" }, account, profile: alice })).toBe(true);
  });

  it("exposes exactly email, name and roles in the session", async () => {
    const { session } = setup();
    const out = (await session({
      session: { expires: "2030-01-01T00:00:00.000Z", user: { email: "stale@x", name: "stale", roles: [] } } as Session,
      token: { sub: "alice", email: "alice@radius.example", name: "Alice", roles: ["engineer"] } as JWT,
      user: undefined as never,
      newSession: undefined,
      trigger: "update",
    })) as Session;
    expect(out).toEqual({ expires: "2030-01-01T00:00:00.000Z", user: { email: "alice@radius.example", name: "Alice", roles: ["engineer"] } });
    expect(userFromSession(out)).toEqual({ email: "alice@radius.example", name: "Alice", roles: ["engineer"] });
  });
});

describe("userFromSession", () => {
  it("returns null for no session or a malformed one, and drops unknown roles", () => {
    expect(userFromSession(null)).toBeNull();
    expect(userFromSession({ user: { name: "no email" } })).toBeNull();
    expect(userFromSession({ user: { email: "a@x", roles: ["admin", "root", "admin"] } })).toEqual({ email: "a@x", name: "a@x", roles: ["admin"] });
  });
});
