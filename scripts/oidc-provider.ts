/**
 * Runs the demo OpenID Connect provider on its own (the start script runs it in-process).
 *
 *   tsx scripts/oidc-provider.ts [--port 9400] [--issuer URL] [--client-id ID] [--client-secret S] [--nextauth-url URL]
 *
 * Defaults come from the same variables the portal reads: OIDC_ISSUER, OIDC_CLIENT_ID,
 * OIDC_CLIENT_SECRET, NEXTAUTH_URL. Demo users: alice, sam, carol, adam, nina; password "radius-demo".
 */
import { parseArgs } from "node:util";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USERS, radiusClient, startLocalOidcProvider } from "../lib/demo/oidc";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    issuer: { type: "string" },
    "client-id": { type: "string" },
    "client-secret": { type: "string" },
    "nextauth-url": { type: "string" },
  },
});

const issuerFromEnv = values.issuer ?? process.env.OIDC_ISSUER;
const portText = values.port ?? (issuerFromEnv ? new URL(issuerFromEnv).port : "");
const port = portText === "" ? 9400 : Number(portText);
const nextauthUrl = values["nextauth-url"] ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000";
const client = radiusClient(nextauthUrl, {
  clientId: values["client-id"] ?? process.env.OIDC_CLIENT_ID ?? DEMO_CLIENT_ID,
  clientSecret: values["client-secret"] ?? process.env.OIDC_CLIENT_SECRET ?? DEMO_CLIENT_SECRET,
});

async function main(): Promise<void> {
  const op = await startLocalOidcProvider({ port, issuer: issuerFromEnv, clients: [client] });
  console.log(`Demo OIDC provider at ${op.issuer}`);
  console.log(`  client_id=${client.client_id} redirect_uri=${client.redirect_uris[0]}`);
  console.log(`  users: ${DEMO_USERS.map((u) => u.login).join(", ")} (password "${DEMO_PASSWORD}")`);

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      op.close().finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
