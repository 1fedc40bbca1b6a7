/**
 * Kubernetes manifests -> workloads, service accounts and consumption edges (Vault Agent, ESO, CSI,
 * declared direct reads). Pure: takes file contents, returns data and problems, never throws.
 */
import type { ParsedConsumption, ParsedWorkload, SourceFile, SourceProblem } from "../types";
import { collectProviderClasses, csiConsumptions } from "./csi";
import { csiRotationFromDriver } from "./csi-driver-flags";
import type { CsiRotation } from "./csi-rotation";
import { directConsumptions } from "./direct-reads";
import { collectExternalSecrets } from "./external-secrets";
import { collectK8sObjects, type K8sObject } from "./k8s-objects";
import { collectSecretStores } from "./secret-stores";
import { indexSyncedSecrets } from "./synced-secret";
import { syncedSecretConsumptions } from "./synced-secret-consumers";
import { vaultAgentConsumptions } from "./vault-agent";
import { runsPerExecution, toK8sWorkload, type K8sWorkload } from "./workloads";

export interface ParsedServiceAccount {
  namespace: string;
  name: string;
  annotations: Record<string, string>;
  sourceFile: string;
  line: number;
}

export interface KubernetesParseOptions {
  /** The CSI driver's rotation setting (from its Helm values), when the driver is not in the manifests. */
  csiRotation?: CsiRotation;
  /**
   * The cluster a manifest belongs to (e.g. `clusterFromFirstFolder` for one folder per cluster).
   * When given, workload keys become `k8s:<cluster>/<namespace>/<kind>/<name>` and namespaced
   * lookups (stores, SecretProviderClasses, synced Secrets, CSI driver flags) stay within the cluster.
   */
  clusterOf?: (file: string) => string | null;
}

/** One folder per cluster: `k8s-prod/payments/api.yaml` -> "k8s-prod"; files at the root -> null. */
export function clusterFromFirstFolder(file: string): string | null {
  const i = file.indexOf("/");
  return i > 0 ? file.slice(0, i) : null;
}

export interface KubernetesParseResult {
  workloads: ParsedWorkload[];
  consumptions: ParsedConsumption[];
  serviceAccounts: ParsedServiceAccount[];
  problems: SourceProblem[];
}

export function parseKubernetesManifests(files: readonly SourceFile[], options: KubernetesParseOptions = {}): KubernetesParseResult {
  const problems: SourceProblem[] = [];
  const objects = collectK8sObjects(files, problems, options.clusterOf);
  const workloads = uniqueWorkloads(objects, problems);
  const driverRotation = csiRotationFromDriver(objects, problems);
  const stores = collectSecretStores(objects, problems);
  const classes = collectProviderClasses(objects, problems);
  const synced = collectExternalSecrets(objects, stores, problems);
  const consumptions: ParsedConsumption[] = [];
  for (const w of workloads) {
    consumptions.push(...guard(w, problems, () => vaultAgentConsumptions(w, problems)));
    consumptions.push(...guard(w, problems, () => directConsumptions(w)));
    const csi = guard(w, problems, () => [csiConsumptions(w, classes, driverRotation.get(w.cluster) ?? driverRotation.get("") ?? options.csiRotation, problems)])[0];
    if (csi) { consumptions.push(...csi.consumptions); synced.push(...csi.synced); }
  }
  const index = indexSyncedSecrets(synced);
  const byKey = new Map(workloads.map((w) => [w.workload.key, w]));
  for (const w of workloads) consumptions.push(...guard(w, problems, () => syncedSecretConsumptions(w, index)));
  return {
    workloads: workloads.map((w) => w.workload),
    consumptions: dedupe(consumptions.map((c) => perRun(c, byKey))),
    serviceAccounts: serviceAccounts(objects),
    problems,
  };
}

/**
 * Jobs and CronJobs start a fresh pod per run and read their secrets then: the new value arrives
 * with the next run (reload "per-run", as for CI jobs). Mechanisms that fetch from Vault at pod
 * start (Agent, CSI, direct) have no further distribution delay; a Kubernetes Secret synced by ESO
 * or the CSI driver is only as fresh as its last sync, so its interval stays.
 */
function perRun(c: ParsedConsumption, byKey: Map<string, K8sWorkload>): ParsedConsumption {
  const w = byKey.get(c.workloadKey);
  if (!w || !runsPerExecution(w)) return c;
  const fetchedAtStart = c.delivery === "file" || c.mechanism === "direct";
  return {
    ...c, reload: "per-run",
    ...(fetchedAtStart ? { refreshIntervalSeconds: null, refreshTrigger: "pod-start" as const } : {}),
    notes: [...c.notes, "each run starts a new pod and reads the current value"],
  };
}

/** Two manifests declaring the same workload: keep the first, report the second. */
function uniqueWorkloads(objects: K8sObject[], problems: SourceProblem[]): K8sWorkload[] {
  const seen = new Map<string, K8sWorkload>();
  for (const obj of objects) {
    const w = toK8sWorkload(obj, problems, obj.cluster || null);
    if (!w) continue;
    const first = seen.get(w.workload.key);
    if (first) {
      problems.push({ source: "kubernetes", file: obj.file, line: obj.line, message: `${w.workload.key} is also declared in ${first.object.file}:${first.object.line}; this copy is ignored`, severity: "warning" });
      continue;
    }
    seen.set(w.workload.key, w);
  }
  return [...seen.values()];
}

function serviceAccounts(objects: K8sObject[]): ParsedServiceAccount[] {
  return objects.filter((o) => o.kind === "ServiceAccount")
    .map((o) => ({ namespace: o.namespace ?? "default", name: o.name, annotations: o.annotations, sourceFile: o.file, line: o.line }));
}

/** The same workload reading the same path the same way twice (two env refs to one Secret) is one edge. */
function dedupe(list: ParsedConsumption[]): ParsedConsumption[] {
  const byKey = new Map<string, ParsedConsumption>();
  for (const c of list) {
    const key = [c.workloadKey, c.vaultPath, c.mechanism, c.delivery, c.via].join("\u0000");
    const prior = byKey.get(key);
    if (!prior) byKey.set(key, c);
    else for (const k of c.keys) if (!prior.keys.includes(k)) prior.keys.push(k);
  }
  return [...byKey.values()];
}

/** Last line of defence for "never throws": a bug on one odd manifest must not lose the others. */
function guard<T>(w: K8sWorkload, problems: SourceProblem[], run: () => T[]): T[] {
  try {
    return run();
  } catch (error) {
    problems.push({ source: "kubernetes", file: w.object.file, line: w.object.line, message: `${w.workload.key}: internal error while reading (${String(error)})`, severity: "error" });
    return [];
  }
}
