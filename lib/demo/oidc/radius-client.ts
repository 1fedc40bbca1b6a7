import type { LocalOidcClient } from "./provider";

export const DEMO_CLIENT_ID = "radius";
export const DEMO_CLIENT_SECRET = "radius-demo-client-secret";

/**
 * The Radius portal as a client of the demo provider. next-auth's provider id is "oidc", so the
 * redirect URI is `${NEXTAUTH_URL}/api/auth/callback/oidc`.
 */
export function radiusClient(nextauthUrl: string, credentials: { clientId?: string; clientSecret?: string } = {}): LocalOidcClient {
  const base = nextauthUrl.replace(/\/+$/, "");
  return {
    client_id: credentials.clientId ?? DEMO_CLIENT_ID,
    client_secret: credentials.clientSecret ?? DEMO_CLIENT_SECRET,
    redirect_uris: [`${base}/api/auth/callback/oidc`],
    post_logout_redirect_uris: [`${base}/signin`],
  };
}
