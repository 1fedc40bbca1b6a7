/** Parser output -> the snapshot contract's workload and dependency records. Pure. */
import type { ParsedDependency, ParsedWorkload } from "@/lib/sources/types";
import type { DependencyRecord, WorkloadRecord } from "./snapshot-data";

export function toWorkloadRecord(w: ParsedWorkload): WorkloadRecord {
  return {
    key: w.key,
    // Bare pods are rare in manifests and have no enum value of their own.
    kind: w.kind === "pod" ? "other" : w.kind,
    name: w.name,
    namespace: w.namespace,
    ownerTeam: w.ownerTeam,
    reload: w.reload.appReload === "unspecified" ? null : w.reload.appReload,
    sourceFile: w.sourceFile,
    sourceLine: w.line,
    metadata: { labels: w.labels, serviceAccount: w.serviceAccount, reloadHint: w.reload },
  };
}

/** Edges whose ends are both known workloads (the catalog may name services without manifests). */
export function toDependencyRecords(deps: readonly ParsedDependency[], workloadKeys: ReadonlySet<string>): DependencyRecord[] {
  const seen = new Set<string>();
  const out: DependencyRecord[] = [];
  for (const d of deps) {
    const id = `${d.fromKey}\u0000${d.toKey}`;
    if (seen.has(id) || d.fromKey === d.toKey || !workloadKeys.has(d.fromKey) || !workloadKeys.has(d.toKey)) continue;
    seen.add(id);
    out.push({ fromKey: d.fromKey, toKey: d.toKey, sourceFile: d.sourceFile });
  }
  return out;
}
