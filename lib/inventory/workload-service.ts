import "server-only";
import { consumerPropagation, transitiveDependents } from "@/lib/blast-radius";
import { toConsumptionRecord, toDependencyRecords, toSecretRecord, workloadRef } from "./assemble-blast-radius";
import { activeSnapshot, assertCan, type InventoryContext } from "./context";
import { findEdgesIntoWorkloads, findWorkloadsByIds } from "./dependency-repository";
import { normaliseEnum } from "./format";
import type { WorkloadListParams } from "./schemas";
import { findWorkloadByKey, findWorkloadFacets, findWorkloadPage } from "./workload-repository";
import type { WorkloadDetail, WorkloadList } from "./workload-types";
import type { IdentityRef } from "./types";

export async function listWorkloads(ctx: InventoryContext, params: WorkloadListParams): Promise<WorkloadList> {
  assertCan(ctx, "workloads.read");
  const snapshotId = await activeSnapshot(ctx);
  const empty = { namespaces: [], teams: [] };
  if (!snapshotId) return { snapshot: null, facets: empty, rows: [], page: params.page, pageSize: params.pageSize, total: 0, totalCapped: false };
  const [page, facets] = await Promise.all([findWorkloadPage(ctx.db, snapshotId, params), findWorkloadFacets(ctx.db, snapshotId)]);
  return {
    snapshot: { id: snapshotId }, facets, page: params.page, pageSize: params.pageSize, total: page.total, totalCapped: page.totalCapped,
    rows: page.rows.map((r) => ({
      key: r.key, name: r.name, kind: r.kind, namespace: r.namespace, ownerTeam: r.owner_team, reload: r.reload,
      source: r.source_file ? { file: r.source_file, line: r.source_line } : null, consumes: r.consumes, directDependents: r.dependents,
    })),
  };
}

/** What a workload consumes and how, what it depends on, and what breaks (transitively) when it breaks. */
export async function getWorkload(ctx: InventoryContext, key: string): Promise<WorkloadDetail | null> {
  assertCan(ctx, "workloads.read");
  const snapshotId = await activeSnapshot(ctx);
  if (!snapshotId) return null;
  const w = await findWorkloadByKey(ctx.db, snapshotId, key);
  if (!w) return null;
  const edges = await findEdgesIntoWorkloads(ctx.db, snapshotId, [w.id]);
  const others = await findWorkloadsByIds(ctx.db, snapshotId, [...new Set(edges.map((e) => e.fromId))]);
  const self = { id: w.id, key: w.key, name: w.name, kind: w.kind, namespace: w.namespace, ownerTeam: w.ownerTeam };
  const workloads = new Map([[w.id, self], ...others.map((o) => [o.id, o] as const)]);
  const dependencies = toDependencyRecords(edges, workloads);
  const byKey = new Map([...workloads.values()].map((x) => [x.key, workloadRef(x)]));
  const identities = new Map<string, IdentityRef>();
  for (const c of w.consumptions) if (c.identity) identities.set(c.identity.key, { ...c.identity, kind: String(c.identity.kind) });
  return {
    workload: {
      ...workloadRef(self), reload: w.reload ? normaliseEnum(w.reload) : null,
      source: w.sourceFile ? { file: w.sourceFile, line: w.sourceLine } : null,
      consumes: w.consumptions.length, directDependents: edges.filter((e) => e.toId === w.id).length,
      metadata: (w.metadata ?? {}) as Record<string, unknown>,
    },
    consumes: w.consumptions.map((c) => {
      // Only the secret's lease TTL matters to the timing; the rest of the record is filler.
      const secret = toSecretRecord({
        key: c.secret?.key ?? c.secretRef, cluster: "", mount: "", path: "", dataPath: c.secretRef, engineKind: "kv-v2", lifecycle: "static",
        environment: null, ownerTeam: null, classification: null, rotationPeriodSeconds: null, lastRotatedAt: null, currentVersion: null,
        createdTime: null, leaseTtlSeconds: c.secret?.leaseTtlSeconds ?? null,
      });
      const timing = consumerPropagation(toConsumptionRecord({ ...c, workload: self, identity: null }, c.secret?.key ?? null), secret);
      return {
        secretKey: c.secret?.key ?? null, secretRef: c.secretRef, environment: c.secret?.environment ?? null,
        classification: c.secret?.classification ?? null, mechanism: normaliseEnum(c.mechanism),
        refreshIntervalSeconds: c.refreshIntervalSeconds, reload: normaliseEnum(c.reload),
        identity: c.identity ? { ...c.identity, kind: String(c.identity.kind) } : null,
        manifest: c.manifestFile ? { file: c.manifestFile, line: c.manifestLine } : null,
        propagationSeconds: timing.newValueAfterSeconds, propagationExplanation: timing.note,
      };
    }),
    dependsOn: w.dependsOn.map((d) => ({ ...workloadRef(d.to), edgeKind: d.kind })),
    dependents: transitiveDependents([w.key], dependencies).map((d) => ({
      workload: byKey.get(d.workloadKey) ?? workloadRef({ key: d.workloadKey, name: d.workloadKey, kind: "other", namespace: null, ownerTeam: null }),
      depth: d.depth,
      path: d.via.flatMap((k) => { const r = byKey.get(k); return r ? [r] : []; }),
      breaksNow: false,
    })),
    identities: [...identities.values()],
  };
}
