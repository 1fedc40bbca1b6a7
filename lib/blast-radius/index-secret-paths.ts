import type { SecretRecord } from "@/lib/sync/snapshot-data";

/** One cluster's secrets sorted by API path, the shape `CompiledAcl.evaluateSorted` walks. */
export interface SortedPaths {
  paths: string[];
  /** secrets[i] owns paths[i]. */
  secrets: SecretRecord[];
}

export interface ClusterPathIndex {
  data: SortedPaths;
  /** Only secrets that have a metadata path (KV). */
  metadata: SortedPaths;
}

/** Sorted once per cluster (default JS string order, as candidateRanges expects). */
export function indexSecretPaths(secrets: readonly SecretRecord[]): Map<string, ClusterPathIndex> {
  const byCluster = new Map<string, SecretRecord[]>();
  for (const s of secrets) {
    const list = byCluster.get(s.cluster);
    if (list) list.push(s);
    else byCluster.set(s.cluster, [s]);
  }
  const out = new Map<string, ClusterPathIndex>();
  for (const [cluster, list] of byCluster) {
    out.set(cluster, {
      data: sortBy(list, (s) => s.dataPath),
      metadata: sortBy(list.filter((s) => s.metadataPath !== null), (s) => s.metadataPath as string),
    });
  }
  return out;
}

function sortBy(list: SecretRecord[], pathOf: (s: SecretRecord) => string): SortedPaths {
  const pairs = list.map((s) => [pathOf(s), s] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { paths: pairs.map((p) => p[0]), secrets: pairs.map((p) => p[1]) };
}
