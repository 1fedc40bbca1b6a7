/** Secret engine and auth method mounts: type, KV version and (when both sides say) lease TTLs. Pure. */
import type { MountSide } from "./drift-input";
import { normaliseDuration, normaliseEngine, normaliseMountPath } from "./normalise";
import type { DriftDifference } from "./types";
import { durationWords } from "./words";

/** "kv-prod" for a secret engine, "auth/kubernetes-prod" for an auth method (Vault's own routing). */
export const mountName = (m: Pick<MountSide, "kind" | "path">): string => {
  const path = normaliseMountPath(m.path, m.kind);
  return m.kind === "auth" ? `auth/${path}` : path;
};

const engineWords = (e: { type: string; kvVersion: number | null }): string => (e.kvVersion ? `${e.type} v${e.kvVersion}` : e.type);

export function compareMount(live: MountSide, tf: MountSide): DriftDifference[] {
  const out: DriftDifference[] = [];
  const a = live.kind === "auth" ? { type: live.type.trim().toLowerCase(), kvVersion: null } : normaliseEngine(live.type, live.kvVersion);
  const b = tf.kind === "auth" ? { type: tf.type.trim().toLowerCase(), kvVersion: null } : normaliseEngine(tf.type, tf.kvVersion);
  if (a.type !== b.type) out.push({ field: "type", live: a.type, terraform: b.type, text: `type: live ${a.type}; Terraform ${b.type}` });
  else if (a.kvVersion !== b.kvVersion) out.push({ field: "options.version", live: String(a.kvVersion), terraform: String(b.kvVersion), text: `options.version: live ${engineWords(a)}; Terraform ${engineWords(b)}` });
  for (const [field, x, y] of [["default_lease_ttl", live.defaultLeaseTtl, tf.defaultLeaseTtl], ["max_lease_ttl", live.maxLeaseTtl, tf.maxLeaseTtl]] as const) {
    if (x === undefined || y === undefined) continue;
    const l = normaliseDuration(x);
    const t = normaliseDuration(y);
    if (l !== t) out.push({ field, live: durationWords(l), terraform: durationWords(t), text: `${field}: live ${durationWords(l)}; Terraform ${durationWords(t)}` });
  }
  return out;
}

export const describeMount = (m: MountSide): string =>
  m.kind === "auth" ? `${m.type} auth method` : `${engineWords(normaliseEngine(m.type, m.kvVersion))} secrets engine`;
