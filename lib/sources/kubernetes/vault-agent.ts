/**
 * Vault Agent injector annotations on the pod template
 * (https://developer.hashicorp.com/vault/docs/platform/k8s/injector/annotations):
 * - `agent-inject: "true"` turns injection on; without it the other annotations do nothing.
 * - `agent-inject-secret-<name>: <path>` renders <path> to /vault/secrets/<name>;
 *   `agent-inject-template-<name>` replaces the template and may read further paths.
 * - `role`, `auth-path` (default auth/kubernetes) choose the identity; the pod's service account logs in.
 * - `agent-pre-populate-only: "true"`: init container only, the file is written once at pod start.
 * - `template-static-secret-render-interval`: re-render period of static secrets (default 5m, DESIGN.md).
 * - `agent-inject-command-<name>`: runs after each render (signal/reload) => the app picks it up hot.
 * Leased secrets are re-rendered when the agent renews or re-issues the lease, not on the interval.
 */
import type { ParsedConsumption, SourceProblem } from "../types";
import { durationSeconds } from "../durations";
import { secretPathsInTemplate } from "./vault-agent-template";
import { isLeasedPath, normalizeAuthMount, normalizeVaultPath } from "./vault-paths";
import { templateLine, type K8sWorkload } from "./workloads";

const PREFIX = "vault.hashicorp.com/";
const DEFAULT_RENDER_INTERVAL_SECONDS = 300;
/** The injector reads boolean annotations with Go's strconv.ParseBool. */
const isTrue = (v: string | undefined): boolean => v !== undefined && ["1", "t", "T", "TRUE", "true", "True"].includes(v.trim());

export function vaultAgentConsumptions(w: K8sWorkload, problems: SourceProblem[]): ParsedConsumption[] {
  const ann = w.template.annotations;
  const a = (key: string): string | undefined => ann[PREFIX + key];
  const lineOf = (key: string) => templateLine(w, ["metadata", "annotations", PREFIX + key]);
  const report = (key: string, message: string, severity: SourceProblem["severity"] = "warning") =>
    problems.push({ source: "kubernetes", file: w.object.file, line: lineOf(key), message: `${w.workload.key}: ${message}`, severity });
  const names = secretNames(ann);
  if (names.length === 0) return [];
  if (!isTrue(a("agent-inject"))) {
    report(`agent-inject-secret-${names[0]}`, `Vault Agent secret annotations present but ${PREFIX}agent-inject is not "true"; nothing is injected`);
    return [];
  }
  if (a("agent-configmap")) {
    report("agent-configmap", `agent configuration comes from ConfigMap ${a("agent-configmap")}, which is not parsed; its secrets are not listed`);
    return [];
  }
  const role = a("role") ?? null;
  if (!role) report("agent-inject", `Vault Agent injection without ${PREFIX}role: the agent cannot log in`);
  const identity = { authMount: normalizeAuthMount(a("auth-path") ?? "auth/kubernetes"), role, serviceAccount: w.workload.serviceAccount, namespace: w.namespace };
  const prePopulateOnly = isTrue(a("agent-pre-populate-only"));
  const renderKey = "template-static-secret-render-interval";
  const renderInterval = durationSeconds(a(renderKey), (m) => report(renderKey, `${m}; default 5m used`)) ?? DEFAULT_RENDER_INTERVAL_SECONDS;

  const out: ParsedConsumption[] = [];
  for (const name of names) {
    const paths = new Set<string>();
    const declared = a(`agent-inject-secret-${name}`);
    if (declared !== undefined && declared.trim() !== "") paths.add(normalizeVaultPath(declared));
    const template = a(`agent-inject-template-${name}`);
    if (template !== undefined) {
      const found = secretPathsInTemplate(template);
      found.paths.forEach((p) => paths.add(normalizeVaultPath(p)));
      if (found.dynamic > 0) report(`agent-inject-template-${name}`, `template "${name}" computes ${found.dynamic} secret path(s) at render time; they cannot be listed`);
    }
    if (a(`agent-inject-template-file-${name}`)) report(`agent-inject-template-file-${name}`, `template file for "${name}" lives in a ConfigMap and is not parsed`);
    if (paths.size === 0) {
      report(declared !== undefined ? `agent-inject-secret-${name}` : `agent-inject-template-${name}`, `Vault Agent secret "${name}" points at no Vault path`);
      continue;
    }
    const hasCommand = Boolean(a(`agent-inject-command-${name}`));
    const lineKey = declared !== undefined ? `agent-inject-secret-${name}` : `agent-inject-template-${name}`;
    for (const vaultPath of paths) {
      const leased = isLeasedPath(vaultPath);
      const notes: string[] = [];
      let refresh: number | null = renderInterval;
      let trigger: ParsedConsumption["refreshTrigger"] = "interval";
      if (prePopulateOnly) {
        refresh = null; trigger = "pod-start";
        notes.push("agent-pre-populate-only: rendered once by the init container at pod start");
      } else if (leased) {
        refresh = null; trigger = "lease-renewal";
        notes.push("leased secret: re-rendered when the agent renews or re-issues the lease");
      } else {
        notes.push(a(renderKey) ? `static secret re-rendered every ${renderInterval}s (${renderKey})` : "static secret re-rendered every 5m (agent default)");
      }
      let reload: ParsedConsumption["reload"] = "restart";
      if (prePopulateOnly) notes.push("the file never changes while the pod runs: restart required");
      else if (hasCommand) { reload = "hot"; notes.push(`agent-inject-command-${name} runs after each render`); }
      else if (w.workload.reload.appReload === "hot") { reload = "hot"; notes.push(`${w.workload.reload.appReloadVia}: the app re-reads the file`); }
      else notes.push(w.workload.reload.appReload === "restart" ? `${w.workload.reload.appReloadVia}` : "no reload command or radius.dev/reload=hot: assumed read at start-up");
      out.push({
        workloadKey: w.workload.key, vaultPath, keys: [], mechanism: "vault-agent",
        refreshIntervalSeconds: refresh, refreshTrigger: trigger, syncDelaySeconds: 0, leased, leaseTtlSeconds: null,
        reload, delivery: "file", identity, via: `Vault Agent annotation ${PREFIX}${lineKey}`, notes,
        sourceFile: w.object.file, line: lineOf(lineKey),
      });
    }
  }
  return out;
}

/** Secret names from agent-inject-secret-<name> and agent-inject-template-<name>, in annotation order. */
function secretNames(ann: Record<string, string>): string[] {
  const names: string[] = [];
  for (const key of Object.keys(ann)) {
    const m = /^vault\.hashicorp\.com\/agent-inject-(?:secret|template)-(.+)$/.exec(key);
    if (m && !key.includes("agent-inject-template-file-") && !names.includes(m[1] as string)) names.push(m[1] as string);
  }
  return names;
}
