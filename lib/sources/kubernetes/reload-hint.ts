/**
 * How a workload tells Radius how it picks up new secret values. Labels and annotations are both
 * read, on the workload and on its pod template (teams put them in either place).
 *
 * - `radius.dev/reload: hot`      the app re-reads mounted secret files (or a sidecar restarts it).
 * - `radius.dev/reload: restart`  the app reads secrets once at start-up.
 * - stakater/Reloader (https://github.com/stakater/Reloader#how-to-use-reloader), which performs a
 *   rolling restart when a referenced Kubernetes Secret changes:
 *     `reloader.stakater.com/auto: "true"`, `secret.reloader.stakater.com/auto: "true"` (every Secret
 *     the workload references) and `secret.reloader.stakater.com/reload: "a,b"` (these Secrets).
 *   Reloader only watches Kubernetes Secrets, so it matters for ESO and CSI synced Secrets, not for
 *   Vault Agent files.
 */
import type { ReloadHint, SourceProblem } from "../types";

export const RELOAD_LABEL = "radius.dev/reload";

export function readReloadHint(sources: Record<string, string>[], report: (p: Omit<SourceProblem, "source" | "file">) => void, line: number): ReloadHint {
  const merged: Record<string, string> = Object.assign({}, ...sources);
  const hint: ReloadHint = { appReload: "unspecified", appReloadVia: null, reloaderWatches: null };
  const declared = merged[RELOAD_LABEL];
  if (declared === "hot" || declared === "restart") {
    hint.appReload = declared;
    hint.appReloadVia = `${RELOAD_LABEL}=${declared}`;
  } else if (declared !== undefined) {
    report({ line, message: `${RELOAD_LABEL} must be "hot" or "restart", got ${JSON.stringify(declared)}; ignored`, severity: "warning" });
  }
  for (const key of ["reloader.stakater.com/auto", "secret.reloader.stakater.com/auto"]) {
    if (merged[key] === "true") hint.reloaderWatches = { secrets: null, via: `${key}=true` };
  }
  const named = merged["secret.reloader.stakater.com/reload"];
  if (named && !hint.reloaderWatches) {
    const secrets = named.split(",").map((s) => s.trim()).filter(Boolean);
    hint.reloaderWatches = { secrets, via: "secret.reloader.stakater.com/reload" };
  }
  return hint;
}

export function reloaderWatches(hint: ReloadHint, secretName: string): boolean {
  const w = hint.reloaderWatches;
  return w !== null && (w.secrets === null || w.secrets.includes(secretName));
}
