import type { Rng } from "./prng";
import type { DemoCounts, Env } from "./types";

/** The fictitious company every plane describes. */
export const COMPANY = { name: "Acme Commerce", domain: "acme.internal", githubOrg: "acme" } as const;
export const ENVS: readonly Env[] = ["dev", "staging", "prod"];
export const KV_MOUNT = { nonprod: "kv", prod: "kv-prod" } as const;
export const K8S_AUTH = { nonprod: "kubernetes-nonprod", prod: "kubernetes-prod" } as const;
export const K8S_CLUSTER = { nonprod: "k8s-nonprod", prod: "k8s-prod" } as const;
export const DB_MOUNT = { nonprod: "database", prod: "database-prod" } as const;
export const JWT_MOUNT = "github-actions";
export const OIDC_MOUNT = "oidc";
export const APPROLE_MOUNT = "approle";

const BASE_TEAMS = ["payments", "checkout", "identity", "search", "data-platform", "catalog", "fulfilment", "notifications", "pricing", "risk", "storefront", "platform"];
const SERVICE_WORDS = ["api", "gateway", "worker", "ledger", "router", "indexer", "scheduler", "exporter", "sync", "webhooks", "reporting", "cache", "auth", "events", "billing", "feed"];
const SECRET_NAMES = ["api-key", "signing-key", "oauth-client", "webhook-secret", "smtp-password", "session-secret", "encryption-key", "sentry-dsn", "partner-token", "redis-password", "s3-credentials", "slack-webhook", "license-key", "basic-auth", "grpc-tls-key", "stripe-key"];

export interface TeamModel { name: string; index: number }

export interface ServiceModel {
  name: string;
  team: string;
  index: number;
  repo: string; // "acme/<service>"
  hasWorker: boolean;
  workerIsStatefulSet: boolean;
  hasCron: boolean;
  hasDatabase: boolean;
  /** How its Kubernetes workloads receive secrets. */
  mechanism: "vault-agent" | "eso" | "csi";
  /** vault-agent: agent-inject-command restarts the app's reader (hot); eso: volume (hot) vs env (restart); csi: synced env var (restart). */
  hotReload: boolean;
  /** Overrides of the mechanism's default refresh (seconds), or null for the default. */
  refreshOverride: number | null;
  dependsOn: string[]; // service names
}

export interface KvSecretModel {
  mount: string;
  path: string; // <team>/<env>/<service>/<name>
  team: string;
  env: Env;
  service: string;
  name: string;
  classification: "confidential" | "restricted" | "internal";
  rotationPeriod: string;
}

export interface CompanyModel {
  teams: TeamModel[];
  services: ServiceModel[];
  serviceByName: Map<string, ServiceModel>;
  kvSecrets: KvSecretModel[];
  /** Secrets per service and env, in the order the workloads consume them. */
  secretsBySlot: Map<string, KvSecretModel[]>;
}

export const slotKey = (service: string, env: Env): string => `${service}/${env}`;
export const tierOf = (env: Env): "nonprod" | "prod" => (env === "prod" ? "prod" : "nonprod");

function teamName(i: number): string {
  const base = BASE_TEAMS[i % BASE_TEAMS.length] as string;
  return i < BASE_TEAMS.length ? base : `${base}-${Math.floor(i / BASE_TEAMS.length) + 1}`;
}

export function buildCompany(rng: Rng, counts: DemoCounts): CompanyModel {
  const teams: TeamModel[] = Array.from({ length: counts.teams }, (_, i) => ({ name: teamName(i), index: i }));
  const services: ServiceModel[] = [];
  const used = new Set<string>();
  for (let i = 0; i < counts.services; i++) {
    const team = teams[i % teams.length] as TeamModel;
    const stem = team.name.split("-")[0] as string;
    let name = `${stem}-${SERVICE_WORDS[Math.floor(i / teams.length) % SERVICE_WORDS.length]}`;
    if (used.has(name)) name = `${name}-${i}`;
    used.add(name);
    const mechRoll = rng.next();
    const mechanism = i === 0 ? "vault-agent" : mechRoll < 0.5 ? "vault-agent" : mechRoll < 0.75 ? "eso" : "csi";
    // Dependencies only point to earlier services (a DAG). Same team, except among the first 40 (the
    // scale-1 core), so that dependents stay bounded at 100,000 secrets.
    const candidates = services.filter((s) => s.team === team.name || (i < 40 && s.index < 40)).slice(-12);
    const dependsOn = i === 0 ? [] : rng.sample(candidates, rng.int(0, 2)).map((s) => s.name);
    services.push({
      name, team: team.name, index: i, repo: `acme/${name}`,
      hasWorker: rng.chance(0.5), workerIsStatefulSet: rng.chance(0.3), hasCron: rng.chance(0.3),
      hasDatabase: i === 0 || rng.chance(0.5),
      mechanism, hotReload: rng.chance(0.5),
      refreshOverride: rng.chance(0.3) ? rng.pick(mechanism === "eso" ? [900, 86400] : [60, 120]) : null,
      dependsOn,
    });
  }
  const serviceByName = new Map(services.map((s) => [s.name, s]));

  // Spread the exact secret count over (service, env) slots; every slot holds at least one secret.
  const slots = services.flatMap((s) => ENVS.map((env) => ({ s, env })));
  const base = Math.floor(counts.secrets / slots.length);
  const extra = counts.secrets - base * slots.length;
  const extraSlots = new Set(rng.sample(slots.map((_, i) => i), extra));
  const kvSecrets: KvSecretModel[] = [];
  const secretsBySlot = new Map<string, KvSecretModel[]>();
  slots.forEach(({ s, env }, i) => {
    const n = base + (extraSlots.has(i) ? 1 : 0);
    const names = rng.sample(SECRET_NAMES, n);
    for (let k = names.length; k < n; k++) names.push(`${SECRET_NAMES[k % SECRET_NAMES.length]}-${Math.floor(k / SECRET_NAMES.length) + 1}`);
    const list = names.map((name): KvSecretModel => ({
      mount: env === "prod" ? KV_MOUNT.prod : KV_MOUNT.nonprod,
      path: `${s.team}/${env}/${s.name}/${name}`,
      team: s.team, env, service: s.name, name,
      classification: env === "prod" ? rng.pick(["confidential", "restricted"] as const) : "internal",
      rotationPeriod: rng.pick(["720h", "2160h", "168h"]),
    }));
    secretsBySlot.set(slotKey(s.name, env), list);
    kvSecrets.push(...list);
  });
  return { teams, services, serviceByName, kvSecrets, secretsBySlot };
}
