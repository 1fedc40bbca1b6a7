import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { mapGroupsToRoles, readGroupsClaim, type RoleMapping } from "./role-mapping";
import type { Role } from "./roles";

/** The provider id: callback URL is `${NEXTAUTH_URL}/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

export interface AuthSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  roleMapping: RoleMapping;
  sessionMaxAgeSeconds: number;
  secret: string;
}

export interface SignInRecord {
  subject: string;
  email: string;
  name: string;
  roles: Role[];
  groups: string[];
}

export interface SignOutRecord {
  email: string;
  roles: Role[];
}

export interface AuthDependencies {
  /**
   * Upserts the user and appends the portal audit record. Runs before the session cookie is
   * issued: if it throws, the sign-in fails (no unaudited sessions).
   */
  recordSignIn(record: SignInRecord): Promise<void>;
  /** Best effort: a failure is logged and the sign-out still happens. */
  recordSignOut?(record: SignOutRecord): Promise<void>;
}

type Claims = Record<string, unknown>;

function oidcProvider(settings: AuthSettings): OAuthConfig<Claims> {
  const issuer = settings.issuer.replace(/\/+$/, "");
  return {
    id: OIDC_PROVIDER_ID,
    name: "SSO",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: settings.scopes } },
    idToken: true,
    checks: ["pkce", "state"],
    client: { token_endpoint_auth_method: "client_secret_basic" },
    profile(claims) {
      const email = stringClaim(claims.email) ?? "";
      return {
        id: stringClaim(claims.sub) ?? email,
        email,
        name: stringClaim(claims.name) ?? stringClaim(claims.preferred_username) ?? email,
      };
    },
  };
}

export function buildAuthOptions(settings: AuthSettings, deps: AuthDependencies): NextAuthOptions {
  return {
    secret: settings.secret,
    providers: [oidcProvider(settings)],
    session: { strategy: "jwt", maxAge: settings.sessionMaxAgeSeconds },
    jwt: { maxAge: settings.sessionMaxAgeSeconds },
    // Errors come back to the sign-in page as ?error=<code>.
    pages: { signIn: "/signin", error: "/signin" },
    events: {
      async signOut({ token }) {
        if (!deps.recordSignOut || !token?.email) return;
        try {
          await deps.recordSignOut({ email: token.email, roles: token.roles ?? [] });
        } catch (error) {
          console.error("[auth] could not record the sign-out in the audit trail", error);
        }
      },
    },
    callbacks: {
      // Every audit record needs an actor email: an identity without one may not sign in.
      signIn({ profile }) {
        return Boolean(stringClaim((profile as Claims | undefined)?.email));
      },
      async jwt({ token, account, profile }) {
        if (!account || !profile) return token; // not a sign-in: keep the roles fixed at sign-in
        const claims = profile as Claims;
        const groupsValue = readGroupsClaim(claims, settings.groupsClaim);
        const roles = mapGroupsToRoles(groupsValue, settings.roleMapping);
        const email = stringClaim(claims.email) ?? "";
        const name = stringClaim(claims.name) ?? stringClaim(claims.preferred_username) ?? email;
        await deps.recordSignIn({
          subject: stringClaim(claims.sub) ?? email,
          email,
          name,
          roles,
          groups: Array.isArray(groupsValue) ? groupsValue.filter((g): g is string => typeof g === "string") : [],
        });
        return { sub: token.sub, email, name, roles };
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          user: { email: token.email ?? "", name: token.name ?? token.email ?? "", roles: token.roles ?? [] },
        };
      },
    },
  };
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
