import "server-only";
import type { NextAuthOptions } from "next-auth";
import { DEFAULT_ROLE_MAPPING } from "@/lib/config-schema";
import { getConfig } from "@/lib/config";
import { buildAuthOptions } from "./build-options";
import { recordSignIn, recordSignOut } from "./record-sign-in";

let cached: NextAuthOptions | undefined;

/**
 * The next-auth options for this process. Built lazily (not at import) so `next build` can load
 * route modules without a full environment.
 */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = getConfig();
  cached = buildAuthOptions(
    {
      issuer: config.OIDC_ISSUER,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret: config.OIDC_CLIENT_SECRET,
      scopes: config.OIDC_SCOPES,
      groupsClaim: config.OIDC_GROUPS_CLAIM,
      // ROLE_MAPPING replaces the default entirely (no merge), so a deployment can drop a role.
      roleMapping: config.ROLE_MAPPING ?? DEFAULT_ROLE_MAPPING,
      sessionMaxAgeSeconds: config.SESSION_MAX_AGE_SECONDS,
      secret: config.NEXTAUTH_SECRET,
    },
    { recordSignIn, recordSignOut },
  );
  return cached;
}
