/**
 * Kubernetes workloads and their pod templates. Key convention: `k8s:<namespace>/<kind>/<name>`,
 * where a manifest without a namespace counts as "default" (kubectl applies it to the context
 * namespace, which is "default" unless configured otherwise). When the caller knows the cluster of
 * a file (option `clusterOf`), the key is `k8s:<cluster>/<namespace>/<kind>/<name>` so the same
 * namespace in two clusters does not collide.
 */
import type { ParsedWorkload, SourceProblem, WorkloadKind } from "../types";
import type { K8sObject } from "./k8s-objects";
import { readReloadHint } from "./reload-hint";
import { asRecord, asString, asStringMap, type YamlPath } from "./yaml-documents";

/** Where the pod template sits in each workload kind. */
const TEMPLATE_PATH: Record<string, { kind: WorkloadKind; path: YamlPath }> = {
  Deployment: { kind: "deployment", path: ["spec", "template"] },
  StatefulSet: { kind: "statefulset", path: ["spec", "template"] },
  DaemonSet: { kind: "daemonset", path: ["spec", "template"] },
  Job: { kind: "job", path: ["spec", "template"] },
  CronJob: { kind: "cronjob", path: ["spec", "jobTemplate", "spec", "template"] },
  Pod: { kind: "pod", path: [] },
};

/** Labels that name the owning team, most specific first. */
const OWNER_KEYS = ["radius.dev/team", "team", "owner", "app.kubernetes.io/team"];

export interface PodTemplate {
  /** YAML path of the template (metadata + spec) inside the object. */
  path: YamlPath;
  annotations: Record<string, string>;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
}

export interface K8sWorkload {
  workload: ParsedWorkload;
  object: K8sObject;
  template: PodTemplate;
  /** Effective namespace used for keys and same-namespace lookups. */
  namespace: string;
  /** Cluster of the manifest when known (option clusterOf), else "". Scopes same-namespace lookups. */
  cluster: string;
}

export const k8sWorkloadKey = (namespace: string | null, kind: WorkloadKind, name: string, cluster: string | null = null): string =>
  `k8s:${cluster ? `${cluster}/` : ""}${namespace ?? "default"}/${kind}/${name}`;

export function isWorkloadKind(kind: string): boolean {
  return kind in TEMPLATE_PATH;
}

export function toK8sWorkload(obj: K8sObject, problems: SourceProblem[], cluster: string | null = null): K8sWorkload | null {
  const shape = TEMPLATE_PATH[obj.kind];
  if (!shape) return null;
  let node: unknown = obj.body;
  for (const segment of shape.path) node = asRecord(node)[segment as string];
  const templateBody = asRecord(node);
  const metadata = asRecord(templateBody.metadata);
  const spec = asRecord(templateBody.spec);
  if (Object.keys(spec).length === 0) {
    problems.push({ source: "kubernetes", file: obj.file, line: obj.line, message: `${obj.kind} ${obj.name} has no pod template spec; skipped`, severity: "warning" });
    return null;
  }
  const template: PodTemplate = {
    path: shape.path,
    annotations: shape.path.length === 0 ? obj.annotations : asStringMap(metadata.annotations),
    labels: shape.path.length === 0 ? obj.labels : asStringMap(metadata.labels),
    spec,
  };
  const labels = { ...template.labels, ...obj.labels };
  const all = [template.labels, template.annotations, obj.labels, obj.annotations];
  const report = (p: Omit<SourceProblem, "source" | "file">) => problems.push({ source: "kubernetes", file: obj.file, ...p });
  const ownerTeam = OWNER_KEYS.map((k) => all.map((m) => m[k]).find(Boolean)).find(Boolean) ?? null;
  const workload: ParsedWorkload = {
    key: k8sWorkloadKey(obj.namespace, shape.kind, obj.name, cluster),
    kind: shape.kind,
    name: obj.name,
    namespace: obj.namespace,
    ownerTeam,
    serviceAccount: asString(spec.serviceAccountName) ?? asString(spec.serviceAccount) ?? "default",
    reload: readReloadHint(all, report, obj.line),
    labels,
    sourceFile: obj.file,
    line: obj.line,
  };
  return { workload, object: obj, template, namespace: obj.namespace ?? "default", cluster: cluster ?? "" };
}

/** Jobs and CronJobs start a new pod per run: what would need a restart arrives with the next run. */
export function runsPerExecution(w: K8sWorkload): boolean {
  return w.workload.kind === "job" || w.workload.kind === "cronjob";
}

/** Line of a field inside the pod template (e.g. ["metadata", "annotations", key]). */
export function templateLine(w: K8sWorkload, path: YamlPath): number {
  return w.object.lineAt([...w.template.path, ...path]);
}
