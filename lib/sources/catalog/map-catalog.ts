/**
 * Joins catalog components to parsed workloads; produces owner teams and workload dependencies.
 *
 * Matching rule (first that applies), optionally restricted to the namespace in the component
 * annotation `backstage.io/kubernetes-namespace`:
 * 1. annotation `backstage.io/kubernetes-id: X` -> Kubernetes workloads labelled `backstage.io/kubernetes-id: X`
 *    (the Backstage Kubernetes plugin's convention);
 * 2. annotation `backstage.io/kubernetes-label-selector: "a=b,c=d"` -> workloads carrying all those labels;
 * 3. otherwise workloads whose name equals the component name, or whose label
 *    `backstage.io/kubernetes-id`, `app.kubernetes.io/name`, `app.kubernetes.io/part-of`,
 *    `app.kubernetes.io/instance` or `app` equals it.
 * CI jobs belong to the component whose `github.com/project-slug` equals the job's repository, or,
 * without that annotation, whose name equals the repository's last segment.
 *
 * Owner: a workload's own team label wins; the component's `spec.owner` fills the gap.
 * Dependencies: if component A depends on B (A.dependsOn B or B.dependencyOf A), each Kubernetes
 * workload of A depends on the Kubernetes workloads of B in the same environment: same cluster when
 * both keys carry one, and same environment, read from the label `radius.dev/environment`,
 * `environment` or `env`, else from a namespace ending in -dev/-staging/-prod/... (unknown matches
 * anything). CI jobs do not serve traffic and get no dependency edges.
 */
import type { ParsedDependency, ParsedWorkload, SourceProblem } from "../types";
import type { CatalogComponent } from "./parse-catalog";

const NAME_LABELS = ["backstage.io/kubernetes-id", "app.kubernetes.io/name", "app.kubernetes.io/part-of", "app.kubernetes.io/instance", "app"];

export interface CatalogMapping {
  /** The input workloads, ownerTeam filled from the catalog where the manifests said nothing. */
  workloads: ParsedWorkload[];
  /** Component ref -> workload keys. */
  componentWorkloads: Record<string, string[]>;
  dependencies: ParsedDependency[];
  problems: SourceProblem[];
}

export function mapCatalogToWorkloads(components: readonly CatalogComponent[], workloads: readonly ParsedWorkload[]): CatalogMapping {
  const problems: SourceProblem[] = [];
  const componentWorkloads: Record<string, string[]> = {};
  const ownerOf = new Map<string, string>();
  for (const c of components) {
    const matched = workloads.filter((w) => matches(c, w));
    componentWorkloads[c.ref] = matched.map((w) => w.key);
    for (const w of matched) if (c.ownerTeam && !ownerOf.has(w.key)) ownerOf.set(w.key, c.ownerTeam);
  }
  const byRef = new Map(components.map((c) => [c.ref, c]));
  const kinds = new Map(workloads.map((w) => [w.key, w.kind]));
  const placeOf = new Map(workloads.map((w) => [w.key, placeOfWorkload(w)]));
  const runtime = (ref: string) => (componentWorkloads[ref] ?? []).filter((k) => kinds.get(k) !== "ci-job");
  const edges = new Map<string, ParsedDependency>();
  const link = (from: CatalogComponent, toRef: string, sourceFile: string, line: number) => {
    if (!toRef.startsWith("component:")) return; // resources, APIs: no workloads to break
    if (!byRef.has(toRef)) {
      problems.push({ source: "catalog", file: sourceFile, line, message: `${from.ref} depends on ${toRef}, which is not in the catalog`, severity: "warning" });
      return;
    }
    for (const fromKey of runtime(from.ref)) for (const toKey of runtime(toRef)) {
      if (fromKey !== toKey && sameEnvironment(placeOf.get(fromKey), placeOf.get(toKey))) edges.set(`${fromKey}\u0000${toKey}`, { fromKey, toKey, sourceFile });
    }
  };
  for (const c of components) {
    for (const dep of c.dependsOn) link(c, dep, c.sourceFile, c.line);
    for (const dependent of c.dependencyOf) {
      const from = byRef.get(dependent);
      if (from) link(from, c.ref, c.sourceFile, c.line);
      else if (dependent.startsWith("component:")) problems.push({ source: "catalog", file: c.sourceFile, line: c.line, message: `${c.ref} is a dependency of ${dependent}, which is not in the catalog`, severity: "warning" });
    }
  }
  return {
    workloads: workloads.map((w) => (w.ownerTeam === null && ownerOf.has(w.key) ? { ...w, ownerTeam: ownerOf.get(w.key) ?? null } : w)),
    componentWorkloads, dependencies: [...edges.values()], problems,
  };
}

const ENV_WORDS = new Set(["dev", "development", "test", "qa", "uat", "staging", "stage", "preprod", "prod", "production", "sandbox"]);
interface Place { cluster: string | null; env: string | null }

function placeOfWorkload(w: ParsedWorkload): Place {
  const parts = w.key.slice("k8s:".length).split("/");
  const cluster = parts.length === 4 ? (parts[0] ?? null) : null;
  const suffix = (w.namespace ?? "").split("-").pop() ?? "";
  const env = w.labels["radius.dev/environment"] ?? w.labels.environment ?? w.labels.env ?? (ENV_WORDS.has(suffix) ? suffix : null);
  return { cluster, env };
}

function sameEnvironment(a: Place | undefined, b: Place | undefined): boolean {
  if (!a || !b) return true;
  if (a.cluster && b.cluster && a.cluster !== b.cluster) return false;
  return !a.env || !b.env || a.env === b.env;
}

function matches(c: CatalogComponent, w: ParsedWorkload): boolean {
  const name = c.name.toLowerCase();
  if (w.kind === "ci-job") {
    const repo = ciRepo(w.key).toLowerCase();
    const slug = c.annotations["github.com/project-slug"]?.toLowerCase();
    return slug ? repo === slug : repo === name || repo.endsWith(`/${name}`);
  }
  const namespace = c.annotations["backstage.io/kubernetes-namespace"];
  if (namespace && (w.namespace ?? "default") !== namespace) return false;
  const id = c.annotations["backstage.io/kubernetes-id"];
  if (id) return w.labels["backstage.io/kubernetes-id"] === id;
  const selector = c.annotations["backstage.io/kubernetes-label-selector"];
  if (selector) {
    const pairs = selector.split(",").map((p) => p.trim().split("=").map((s) => s.trim()));
    return pairs.length > 0 && pairs.every(([k, v]) => k !== undefined && k !== "" && w.labels[k] === (v ?? ""));
  }
  return w.name.toLowerCase() === name || NAME_LABELS.some((l) => w.labels[l]?.toLowerCase() === name);
}

/** `ci:<repo>/.github/workflows/x.yml#job` -> repo. */
function ciRepo(key: string): string {
  const body = key.slice(3, key.lastIndexOf("#"));
  const at = body.indexOf(".github/workflows/");
  return at >= 0 ? body.slice(0, at).replace(/\/$/, "") : body.slice(0, Math.max(0, body.lastIndexOf("/")));
}
