import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { generateKeyPairSync, randomBytes, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import Provider, { interactionPolicy, type Interaction, type KoaContextWithOIDC } from "oidc-provider";
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from "./demo-users";
import { renderLoginPage, renderMessagePage } from "./login-page";

export interface LocalOidcClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
}

export interface LocalOidcOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Defaults to `http://<host>:<port>`; must be an origin (no path). */
  issuer?: string;
  clients: LocalOidcClient[];
  users?: readonly DemoUser[];
  password?: string;
}

export interface LocalOidcProvider {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

/** Scopes and the claims each releases; "groups" carries the SSO groups Radius maps to roles. */
const CLAIMS = {
  openid: ["sub"],
  email: ["email", "email_verified"],
  profile: ["name", "preferred_username"],
  groups: ["groups"],
};
const ALL_SCOPES = Object.keys(CLAIMS).join(" ");

/**
 * Starts a local OpenID Connect provider (oidc-provider, in-memory storage) with the demo users.
 * Plain http on 127.0.0.1 for local runs and tests; never for production.
 */
export async function startLocalOidcProvider(options: LocalOidcOptions): Promise<LocalOidcProvider> {
  const users = options.users ?? DEMO_USERS;
  const password = options.password ?? DEMO_PASSWORD;
  const host = options.host ?? "127.0.0.1";

  // The issuer names the port, so the server listens before the provider exists.
  const routes: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server = createServer((req, res) => {
    if (routes.handle) routes.handle(req, res);
    else res.writeHead(503).end();
  });
  await listen(server, options.port, host);
  const port = (server.address() as AddressInfo).port;
  const issuer = (options.issuer ?? `http://${host}:${port}`).replace(/\/+$/, "");
  if (new URL(issuer).pathname !== "/") throw new Error(`issuer must be an origin without a path: ${issuer}`);

  const provider = new Provider(issuer, providerConfiguration(options.clients, users));
  const oidcCallback = provider.callback();
  provider.on("server_error", (_ctx, error) => console.error("[oidc] server error", error));

  routes.handle = (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/abort)?$/.exec(new URL(req.url ?? "/", issuer).pathname);
    if (!match) return oidcCallback(req, res);
    handleInteraction(provider, req, res, { uid: match[1] ?? "", abort: Boolean(match[2]), users, password }).catch((error: unknown) => {
      // An expired or unknown interaction (old tab, provider restarted): say so, don't crash.
      console.error("[oidc] interaction failed", error instanceof Error ? error.message : error);
      if (!res.headersSent) sendHtml(res, 400, renderMessagePage("Sign-in expired", "This sign-in attempt is no longer valid. Go back to Radius and sign in again."));
    });
  };

  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function providerConfiguration(clients: LocalOidcClient[], users: readonly DemoUser[]) {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: `demo-${randomBytes(4).toString("hex")}`, alg: "RS256", use: "sig" };

  // The demo asks who you are on every sign-in, so one browser can switch between demo users.
  const policy = interactionPolicy.base();
  policy.get("login")?.checks.add(
    new interactionPolicy.Check("demo_always_ask", "the demo provider asks on every sign-in", (ctx: KoaContextWithOIDC) =>
      !ctx.oidc.result?.login,
    ),
  );

  return {
    clients: clients.map((c) => ({
      ...c,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: CLAIMS,
    // Code flow ID tokens carry the profile claims (next-auth reads the ID token, not userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { policy, url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: { AccessToken: 3600, AuthorizationCode: 120, IdToken: 3600, Interaction: 3600, Session: 12 * 3600, Grant: 12 * 3600 },
    async findAccount(_ctx: unknown, sub: string) {
      const user = users.find((u) => u.login === sub);
      if (!user) return undefined;
      return {
        accountId: user.login,
        async claims() {
          return { sub: user.login, email: user.email, email_verified: true, name: user.name, preferred_username: user.login, groups: [...user.groups] };
        },
      };
    },
    // Radius is a first-party client: consent is granted without asking.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      const clientId = oidc.client?.clientId;
      const accountId = oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope(ALL_SCOPES);
      await grant.save();
      return grant;
    },
    async renderError(ctx: KoaContextWithOIDC, out: Record<string, string>) {
      ctx.type = "html";
      ctx.body = renderMessagePage("Sign-in error", `${out.error ?? "error"}: ${out.error_description ?? ""}`);
    },
  };
}

async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  { uid, abort, users, password }: { uid: string; abort: boolean; users: readonly DemoUser[]; password: string },
): Promise<void> {
  res.setHeader("cache-control", "no-store");
  const details: Interaction = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return sendHtml(res, 400, renderMessagePage("Sign-in expired", "Start again from Radius."));
  const clientId = String(details.params.client_id ?? "");

  if (abort) {
    return provider.interactionFinished(req, res, { error: "access_denied", error_description: "The user cancelled the sign-in." }, { mergeWithLastSubmission: false });
  }
  if (details.prompt.name !== "login") {
    // Consent is normally pre-granted by loadExistingGrant; grant it here too if asked.
    const accountId = details.session?.accountId;
    if (!accountId) return sendHtml(res, 400, renderMessagePage("Sign-in expired", "Start again from Radius."));
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId });
    if (!grant) return sendHtml(res, 400, renderMessagePage("Sign-in expired", "Start again from Radius."));
    grant.addOIDCScope(ALL_SCOPES);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  if (req.method === "GET") return sendHtml(res, 200, renderLoginPage({ uid, users, clientId }));
  if (req.method !== "POST") return sendHtml(res, 405, renderMessagePage("Method not allowed", "Use the sign-in form."));

  const form = new URLSearchParams(await readBody(req));
  const login = form.get("login") ?? "";
  const user = users.find((u) => u.login === login);
  if (!user || !sameSecret(form.get("password") ?? "", password)) {
    return sendHtml(res, 401, renderLoginPage({ uid, users, clientId, selectedLogin: login, error: "Unknown user or wrong password." }));
  }
  return provider.interactionFinished(req, res, { login: { accountId: user.login } }, { mergeWithLastSubmission: false });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

async function readBody(req: IncomingMessage, limit = 16 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error("form body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
