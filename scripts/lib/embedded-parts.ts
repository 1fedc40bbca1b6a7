import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";
import { ensureDemoOrganisation } from "./demo-files";
import { startVaultStandin } from "../../lib/demo/vault-standin";
import { startLocalOidcProvider, DEMO_USERS, radiusClient } from "../../lib/demo/oidc";

export interface EmbeddedParts {
  /** Variables handed to the portal: only those the operator did not set. */
  env: Record<string, string>;
  demoUsers: string[];
  stop(): Promise<void>;
}

export interface BootOptions {
  root: string;
  dataDir: string;
  portalUrl: string;
  portBase?: number;
  reset?: boolean;
  log: (line: string) => void;
}

/** Default ports of the embedded parts; `portBase` shifts them all (e.g. 100 for the e2e run). */
const PORTS = { postgres: 54320, vault: 8200, oidc: 9400 };

export async function bootEmbeddedParts(options: BootOptions): Promise<EmbeddedParts> {
  const { dataDir, log } = options;
  const given = process.env;
  const env: Record<string, string> = {};
  const stops: (() => Promise<void>)[] = [];
  const shift = options.portBase ?? 0;

  if (options.reset) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  try {
    if (!given.DATABASE_URL) {
      const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: PORTS.postgres + shift });
      stops.push(() => pg.stop());
      env.DATABASE_URL = pg.url;
      log(`embedded PostgreSQL on port ${PORTS.postgres + shift} (data in ${path.relative(options.root, dataDir)}/postgres)`);
    }
    const { applied } = await applyMigrations(env.DATABASE_URL ?? given.DATABASE_URL!);
    if (applied.length) log(`applied migrations: ${applied.join(", ")}`);

    const needsDemo = !given.VAULT_ADDR || !given.TERRAFORM_REPO || !given.MANIFESTS_DIR || !given.WORKFLOWS_DIR;
    const demo = needsDemo ? await ensureDemoOrganisation(path.join(dataDir, "demo"), log) : undefined;

    if (!given.VAULT_ADDR && demo) {
      const vault = await startVaultStandin({ world: demo.world, port: PORTS.vault + shift, host: "127.0.0.1", maxRecordedRequests: 10_000, controlToken: process.env.RADIUS_STANDIN_CONTROL_TOKEN || undefined });
      stops.push(() => vault.close());
      env.VAULT_ADDR = vault.url;
      env.VAULT_TOKEN = demo.readOnlyToken;
      log(`Vault stand-in at ${vault.url} (cluster ${demo.world.clusterName}, read-only token)`);
    }
    if (demo) {
      env.TERRAFORM_REPO ??= given.TERRAFORM_REPO ?? demo.paths.terraform;
      env.MANIFESTS_DIR ??= given.MANIFESTS_DIR ?? demo.paths.manifests;
      env.WORKFLOWS_DIR ??= given.WORKFLOWS_DIR ?? demo.paths.workflows;
      env.CATALOG_PATH ??= given.CATALOG_PATH ?? demo.paths.catalog;
      env.AUDIT_LOG_PATH ??= given.AUDIT_LOG_PATH ?? demo.paths.auditLog;
      for (const key of ["TERRAFORM_REPO", "MANIFESTS_DIR", "WORKFLOWS_DIR", "CATALOG_PATH", "AUDIT_LOG_PATH"] as const) {
        if (given[key]) delete env[key];
      }
      // The demo company works Mon-Fri 08:00-18:00 in Berlin, and its services live in these networks
      // (lib/demo/generator/audit): detection judges its audit log by them unless told otherwise.
      if (!process.env.BUSINESS_TIMEZONE) env.BUSINESS_TIMEZONE = "Europe/Berlin";
      if (!process.env.BUSINESS_HOURS) env.BUSINESS_HOURS = "08:00-18:00";
      if (!process.env.KNOWN_SERVICE_CIDRS) env.KNOWN_SERVICE_CIDRS = "10.20.0.0/16,10.21.0.0/16,10.40.0.0/16";
    }

    if (!given.OIDC_ISSUER) {
      const issuer = `http://127.0.0.1:${PORTS.oidc + shift}`;
      const clientSecret = persistentSecret(dataDir, "oidc-client-secret");
      const oidc = await startLocalOidcProvider({
        port: PORTS.oidc + shift,
        host: "127.0.0.1",
        issuer,
        clients: [radiusClient(options.portalUrl, { clientSecret })],
      });
      stops.push(() => oidc.close());
      Object.assign(env, { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: "radius", OIDC_CLIENT_SECRET: clientSecret });
      log(`local OIDC sign-in at ${issuer}`);
    }

    if (!given.NEXTAUTH_SECRET) env.NEXTAUTH_SECRET = persistentSecret(dataDir, "nextauth-secret");
    if (!given.NEXTAUTH_URL) env.NEXTAUTH_URL = options.portalUrl;
  } catch (error) {
    await stopAll(stops);
    throw error;
  }

  return {
    env,
    demoUsers: given.OIDC_ISSUER ? [] : DEMO_USERS.map((u) => u.login),
    stop: () => stopAll(stops),
  };
}

async function stopAll(stops: (() => Promise<void>)[]): Promise<void> {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}

/** A random secret created on first use and kept in the data folder, so sessions survive restarts. */
function persistentSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
