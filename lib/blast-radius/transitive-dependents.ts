import type { DependencyRecord } from "@/lib/sync/snapshot-data";

export interface Dependent {
  workloadKey: string;
  /** The broken workload it traces back to, then each hop: [start, ..., workloadKey]. */
  via: string[];
  depth: number;
}

/** toKey -> the workloads that depend on it. Build once when answering for many secrets. */
export type ReverseDependencyIndex = Map<string, string[]>;

export function indexReverseDependencies(dependencies: readonly DependencyRecord[]): ReverseDependencyIndex {
  const index: ReverseDependencyIndex = new Map();
  for (const d of dependencies) {
    const list = index.get(d.toKey);
    if (list) list.push(d.fromKey);
    else index.set(d.toKey, [d.fromKey]);
  }
  return index;
}

/**
 * Everything that breaks when `workloadKeys` break: BFS over reversed "depends on" edges, so each
 * dependent comes with its shortest chain for the explanation. Cycle-safe; the starting workloads
 * themselves are not listed.
 */
export function transitiveDependents(workloadKeys: readonly string[], dependencies: readonly DependencyRecord[] | ReverseDependencyIndex): Dependent[] {
  const reverse = dependencies instanceof Map ? dependencies : indexReverseDependencies(dependencies);
  const seen = new Set(workloadKeys);
  const out: Dependent[] = [];
  let frontier: string[][] = [...new Set(workloadKeys)].map((k) => [k]);
  while (frontier.length > 0) {
    const next: string[][] = [];
    for (const path of frontier) {
      for (const from of reverse.get(path[path.length - 1] as string) ?? []) {
        if (seen.has(from)) continue;
        seen.add(from);
        const via = [...path, from];
        out.push({ workloadKey: from, via, depth: via.length - 1 });
        next.push(via);
      }
    }
    frontier = next;
  }
  return out;
}
