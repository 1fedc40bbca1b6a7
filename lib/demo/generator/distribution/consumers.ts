import { DB_MOUNT, JWT_MOUNT, K8S_AUTH, K8S_CLUSTER, slotKey, tierOf, type CompanyModel, type KvSecretModel, type ServiceModel } from "../company";
import { identityKey } from "../access-model";
import type { Env, Mechanism, Reload } from "../types";

/** Documented defaults (DESIGN.md propagation table), in seconds. */
export const DEFAULTS = { agentStaticRender: 300, esoRefresh: 3600, csiRotationPoll: 120 } as const;
/** default_ttl of every dynamic database role (vault-secrets.ts): when the agent gets a new credential. */
export const DB_LEASE_TTL = 86_400;
/** CSI rotation is a driver flag per cluster: on in non-production, off in production. */
export const CSI_ROTATION: Record<"nonprod" | "prod", boolean> = { nonprod: true, prod: false };

export type WorkloadKind = "Deployment" | "StatefulSet" | "CronJob" | "WorkflowJob";

export interface WorkloadModel {
  key: string;
  kind: WorkloadKind;
  name: string;
  namespace: string | null;
  cluster: string | null;
  service: string;
  team: string;
  env: Env | "ci";
  serviceAccount: string | null;
  file: string;
}

export interface ConsumptionEdge {
  workload: string;
  mount: string;
  path: string; // below the mount: KV path or "creds/<role>"
  mechanism: Mechanism;
  refreshSeconds: number | null; // null: only on restart / next run
  reload: Reload;
  identity: string;
  file: string;
  /** Key of the value used (env var or file name), for the renderers. */
  as: string;
}

export interface DistributionModel {
  workloads: WorkloadModel[];
  edges: ConsumptionEdge[];
}

export const manifestFile = (s: ServiceModel, env: Env): string => `manifests/${K8S_CLUSTER[tierOf(env)]}/${s.team}-${env}/${s.name}.yaml`;
export const workflowFile = (s: ServiceModel): string => `workflows/${s.name}/.github/workflows/deploy.yml`;
export const envVarName = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]/g, "_");

/** The workloads each service runs per env, and which of the slot's secrets each one consumes. */
export function workloadsOf(s: ServiceModel, env: Env, secrets: KvSecretModel[]): Array<{ kind: WorkloadKind; name: string; sa: string; uses: KvSecretModel[] }> {
  const out = [{ kind: "Deployment" as WorkloadKind, name: s.name, sa: s.name, uses: secrets }];
  // Agent pods pick individual secrets by annotation and each CSI workload mounts its own
  // SecretProviderClass (a CSI volume delivers every object of its class); an ESO Secret is mounted whole.
  const partial = (n: number): KvSecretModel[] => (s.mechanism === "eso" ? secrets : secrets.slice(0, n));
  if (s.hasWorker) out.push({ kind: s.workerIsStatefulSet ? "StatefulSet" : "Deployment", name: `${s.name}-worker`, sa: `${s.name}-worker`, uses: partial(Math.ceil(secrets.length / 2)) });
  if (s.hasCron) out.push({ kind: "CronJob", name: `${s.name}-cron`, sa: `${s.name}-cron`, uses: partial(1) });
  return out;
}

/**
 * Vault Agent services that hot-reload also run a reload command after the database credentials are
 * re-rendered, except every other one (by index), which forgot it: its leased credentials need a
 * restart, the failure mode the portal must surface. Deterministic, draws nothing from the PRNG.
 */
export const reloadsDbCreds = (s: ServiceModel): boolean => s.hotReload && s.index % 2 === 0;

function k8sDelivery(s: ServiceModel, env: Env, kind: WorkloadKind): { refreshSeconds: number | null; reload: Reload; identity: string } {
  const tier = tierOf(env);
  if (kind === "CronJob") {
    // Each run starts a new pod that reads the value then (per-run). Agent (pre-populate-only) and
    // CSI files are fetched from Vault at pod start: no further delay. A Kubernetes Secret synced by
    // ESO or by the CSI driver (secretObjects, env vars) is only as fresh as its last sync, so the
    // sync interval stays the distribution delay (DESIGN.md propagation table).
    const identity = s.mechanism === "eso" ? identityKey("kubernetes", K8S_AUTH[tier], "external-secrets") : identityKey("kubernetes", K8S_AUTH[tier], s.name);
    const synced = s.mechanism === "eso" ? s.refreshOverride ?? DEFAULTS.esoRefresh
      : s.mechanism === "csi" && !s.hotReload && CSI_ROTATION[tier] ? DEFAULTS.csiRotationPoll : null;
    return { refreshSeconds: synced, reload: "per-run", identity };
  }
  if (s.mechanism === "vault-agent") {
    return { refreshSeconds: s.refreshOverride ?? DEFAULTS.agentStaticRender, reload: s.hotReload ? "hot" : "restart", identity: identityKey("kubernetes", K8S_AUTH[tier], s.name) };
  }
  if (s.mechanism === "eso") {
    // Volume mounts are re-synced by the kubelet (hot); env vars need a restart.
    return { refreshSeconds: s.refreshOverride ?? DEFAULTS.esoRefresh, reload: s.hotReload ? "hot" : "restart", identity: identityKey("kubernetes", K8S_AUTH[tier], "external-secrets") };
  }
  // CSI: files are hot only when rotation is on; a synced env var (hotReload false) always needs a restart.
  const rotation = CSI_ROTATION[tier];
  return { refreshSeconds: rotation ? DEFAULTS.csiRotationPoll : null, reload: rotation && s.hotReload ? "hot" : "restart", identity: identityKey("kubernetes", K8S_AUTH[tier], s.name) };
}

/** Staging secrets a service's deploy workflow fetches through vault-action. */
export const ciSecretsOf = (company: CompanyModel, s: ServiceModel): KvSecretModel[] => (company.secretsBySlot.get(slotKey(s.name, "staging")) ?? []).slice(0, 2);

export function buildDistribution(company: CompanyModel): DistributionModel {
  const workloads: WorkloadModel[] = [];
  const edges: ConsumptionEdge[] = [];
  for (const s of company.services) {
    for (const env of ["dev", "staging", "prod"] as const) {
      const tier = tierOf(env);
      const namespace = `${s.team}-${env}`;
      const file = manifestFile(s, env);
      const secrets = company.secretsBySlot.get(slotKey(s.name, env)) ?? [];
      for (const w of workloadsOf(s, env, secrets)) {
        const key = `k8s:${K8S_CLUSTER[tier]}/${namespace}/${w.kind.toLowerCase()}/${w.name}`;
        workloads.push({ key, kind: w.kind, name: w.name, namespace, cluster: K8S_CLUSTER[tier], service: s.name, team: s.team, env, serviceAccount: w.sa, file });
        const d = k8sDelivery(s, env, w.kind);
        for (const sec of w.uses) edges.push({ workload: key, mount: sec.mount, path: sec.path, mechanism: s.mechanism, ...d, file, as: sec.name });
        // Leased database credentials: only Vault Agent renews leases for the app; a new credential arrives when the lease ends
        // (the role's default TTL). Hot only with a reload command on the db-creds file (agent-inject-command-db-creds).
        if (s.mechanism === "vault-agent" && s.hasDatabase && w.kind !== "CronJob") {
          edges.push({ workload: key, mount: DB_MOUNT[tier], path: `creds/${s.name}`, mechanism: "vault-agent", refreshSeconds: DB_LEASE_TTL, reload: reloadsDbCreds(s) ? "hot" : "restart", identity: d.identity, file, as: "db-creds" });
        }
      }
    }
    const wf = workflowFile(s);
    const key = `ci:${s.repo}/.github/workflows/deploy.yml#deploy`;
    workloads.push({ key, kind: "WorkflowJob", name: "deploy", namespace: null, cluster: null, service: s.name, team: s.team, env: "ci", serviceAccount: null, file: wf });
    const identity = identityKey("jwt", JWT_MOUNT, `ci-${s.name}`);
    for (const sec of ciSecretsOf(company, s)) edges.push({ workload: key, mount: sec.mount, path: sec.path, mechanism: "ci-oidc", refreshSeconds: null, reload: "per-run", identity, file: wf, as: envVarName(sec.name) });
    edges.push({ workload: key, mount: "aws", path: `creds/deploy-${s.team}`, mechanism: "ci-oidc", refreshSeconds: null, reload: "per-run", identity, file: wf, as: "AWS" });
  }
  return { workloads, edges };
}
