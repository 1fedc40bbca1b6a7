/**
 * Shared output of the distribution-plane and Terraform parsers (lib/sources/{kubernetes,ci,catalog,terraform}).
 * Plain serialisable data: the sync stores it, blast-radius computes propagation from it.
 * Parsers never throw on bad input; they return what they could read plus `SourceProblem`s.
 */

export type SourceKind = "kubernetes" | "ci" | "catalog" | "terraform";

/** One input file; `file` is relative to the source root (MANIFESTS_DIR, WORKFLOWS_DIR, ...). */
export interface SourceFile {
  file: string;
  text: string;
}

export interface SourceProblem {
  source: SourceKind;
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  message: string;
  severity: "error" | "warning";
}

export type WorkloadKind = "deployment" | "statefulset" | "daemonset" | "cronjob" | "job" | "pod" | "ci-job";
export type ReloadBehaviour = "hot" | "restart" | "per-run";

/**
 * What the workload says about how it picks up new secret values (conventions in kubernetes/reload-hint.ts).
 * `appReload`: label/annotation `radius.dev/reload: hot|restart` (does the app re-read mounted files?);
 * `reloaderWatches`: stakater/Reloader restarts the workload when these Kubernetes Secrets change
 * (`secrets: null` = every Secret it references); null when Reloader is not configured for it.
 */
export interface ReloadHint {
  appReload: "hot" | "restart" | "per-run" | "unspecified";
  appReloadVia: string | null;
  reloaderWatches: { secrets: string[] | null; via: string } | null;
}

export interface ParsedWorkload {
  /** `k8s:<namespace>/<kind>/<name>` or `ci:<repo>/<workflow-file>#<job>` (see keys.ts). */
  key: string;
  kind: WorkloadKind;
  name: string;
  namespace: string | null;
  ownerTeam: string | null;
  serviceAccount: string | null;
  reload: ReloadHint;
  labels: Record<string, string>;
  sourceFile: string;
  line: number;
}

export type ConsumptionMechanism = "vault-agent" | "eso" | "csi" | "ci-oidc" | "direct";
export type ConsumptionDelivery = "file" | "env" | "k8s-secret-env" | "k8s-secret-volume";

/**
 * What makes the consumer fetch the value again (disambiguates refreshIntervalSeconds = null):
 * interval = every refreshIntervalSeconds; lease-renewal = when the agent renews/re-issues the lease;
 * pod-start = only when the pod (re)starts; job-start = every CI run; spec-change = only when the
 * manifest changes (ESO refreshInterval 0 / refreshPolicy CreatedOnce|OnChange).
 */
export type RefreshTrigger = "interval" | "lease-renewal" | "pod-start" | "job-start" | "spec-change";

export interface ConsumptionIdentity {
  /** Auth mount path without the `auth/` prefix or trailing slash, e.g. "kubernetes-prod". */
  authMount: string | null;
  role: string | null;
  serviceAccount: string | null;
  namespace: string | null;
}

export interface ParsedConsumption {
  workloadKey: string;
  /** The API path Vault receives, without leading slash (e.g. "kv-prod/data/payments/prod/stripe"). */
  vaultPath: string;
  /** Fields read from the secret (remoteRef.property, secretKey, vault-action key); empty = whole secret. */
  keys: string[];
  mechanism: ConsumptionMechanism;
  /** Distribution delay; null = not refreshed on a timer (see refreshTrigger). */
  refreshIntervalSeconds: number | null;
  refreshTrigger: RefreshTrigger;
  /** Extra delay after a refresh before the consumer sees the value (kubelet Secret volume sync). */
  syncDelaySeconds: number;
  /** Leased (dynamic) secrets: renewed with the lease, not on a timer. */
  leased: boolean;
  /** Lease TTL when known from the manifests (normally joined later from Vault or Terraform). */
  leaseTtlSeconds: number | null;
  reload: ReloadBehaviour;
  delivery: ConsumptionDelivery;
  identity: ConsumptionIdentity;
  /** The object that carries the path: "ExternalSecret payments/stripe", "SecretProviderClass ...", ... */
  via: string;
  /** Why the refresh/reload values are what they are. */
  notes: string[];
  sourceFile: string;
  line: number;
}

/** `fromKey` depends on `toKey`: if `toKey` breaks, `fromKey` breaks too. */
export interface ParsedDependency {
  fromKey: string;
  toKey: string;
  sourceFile: string;
}

export interface StaticSecretReference {
  repo: string;
  workflowFile: string;
  job: string;
  name: string;
  line: number;
}

export interface UnpinnedAction {
  repo: string;
  workflowFile: string;
  job: string;
  uses: string;
  line: number;
}

/** Plain JSON as produced by hcl2json; unresolved expressions stay strings like "${var.x}". */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface TerraformResource {
  type: string;
  name: string;
  file: string;
  line: number;
  attributes: { [key: string]: JsonValue };
}
