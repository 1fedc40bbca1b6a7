import { consumerPropagation, simulateRotation, transitiveDependents } from "@/lib/blast-radius";
import type { ConsumptionMechanism, ReloadBehaviour } from "@/lib/sources/types";
import type { ConsumptionRecord, DependencyRecord, EngineKind, SecretRecord } from "@/lib/sync/snapshot-data";
import type { DependencyEdge } from "./dependency-repository";
import { normaliseEnum } from "./format";
import type { BrokenConsumerView, ConsumerView, DependentView, ReaderCategory, ReaderView, RotationStep } from "./secret-blast-radius-types";
import type { ExposureTerm, IdentityRef, WorkloadRef } from "./types";

// Adapts database rows to lib/blast-radius's records (keyed by stable keys) and its answers back
// to views. The algorithms stay there; this file only translates. Pure, no I/O.

export interface WorkloadRecordRow { id: string; key: string; name: string; kind: string; namespace: string | null; ownerTeam: string | null }

export interface ConsumptionInput {
  mechanism: string;
  refreshIntervalSeconds: number | null;
  reload: string;
  secretRef: string;
  manifestFile: string | null;
  manifestLine: number | null;
  details: unknown;
  workload: WorkloadRecordRow;
  identity: IdentityRef | null;
}

export interface SecretInput {
  key: string; cluster: string; mount: string; path: string; dataPath: string | null; engineKind: string; lifecycle: string;
  environment: string | null; ownerTeam: string | null; classification: string | null; rotationPeriodSeconds: number | null;
  lastRotatedAt: string | null; currentVersion: number | null; createdTime: string | null; leaseTtlSeconds: number | null;
}

export const workloadRef = (w: Omit<WorkloadRecordRow, "id">): WorkloadRef => ({
  key: w.key, name: w.name, kind: normaliseEnum(w.kind), namespace: w.namespace, ownerTeam: w.ownerTeam,
});

export function toSecretRecord(s: SecretInput): SecretRecord {
  return {
    key: s.key, cluster: s.cluster, mount: s.mount, path: s.path, dataPath: s.dataPath ?? "", metadataPath: null,
    engineKind: s.engineKind as EngineKind, lifecycle: s.lifecycle === "dynamic" ? "dynamic" : "static", environment: s.environment,
    ownerTeam: s.ownerTeam, classification: s.classification, rotationPeriodSeconds: s.rotationPeriodSeconds, lastRotatedAt: s.lastRotatedAt,
    currentVersion: s.currentVersion, versions: [], customMetadata: {}, createdTime: s.createdTime, leaseTtlSeconds: s.leaseTtlSeconds,
  };
}

export function toConsumptionRecord(c: ConsumptionInput, secretKey: string | null): ConsumptionRecord {
  return {
    workloadKey: c.workload.key, secretKey, secretRef: c.secretRef,
    mechanism: normaliseEnum(c.mechanism) as ConsumptionMechanism, refreshIntervalSeconds: c.refreshIntervalSeconds,
    reload: normaliseEnum(c.reload) as ReloadBehaviour, identityKey: c.identity?.key ?? null,
    manifestFile: c.manifestFile, manifestLine: c.manifestLine,
    details: c.details && typeof c.details === "object" ? (c.details as Record<string, unknown>) : {},
  };
}

export function toDependencyRecords(edges: DependencyEdge[], workloads: Map<string, { key: string }>): DependencyRecord[] {
  return edges.flatMap((e) => {
    const from = workloads.get(e.fromId)?.key;
    const to = workloads.get(e.toId)?.key;
    return from && to ? [{ fromKey: from, toKey: to, sourceFile: null }] : [];
  });
}

export interface SecretAnswers {
  consumers: ConsumerView[];
  dependents: DependentView[];
  whatBreaks: { consumers: BrokenConsumerView[]; dependents: DependentView[] };
  rotation: RotationStep[];
  propagation: { totalSeconds: number | null; restartBound: boolean; slowest: WorkloadRef | null };
}

/** Consumers, transitive dependents, what breaks now and the rotation timeline of one secret. */
export function answerForSecret(secret: SecretInput, consumptions: ConsumptionInput[], edges: DependencyEdge[], workloads: Map<string, WorkloadRecordRow>): SecretAnswers {
  const record = toSecretRecord(secret);
  const records = consumptions.map((c) => toConsumptionRecord(c, secret.key));
  const dependencies = toDependencyRecords(edges, workloads);
  const byKey = new Map([...workloads.values()].map((w) => [w.key, workloadRef(w)]));
  const ref = (key: string): WorkloadRef => byKey.get(key) ?? { key, name: key, kind: "other", namespace: null, ownerTeam: null };

  const consumers = consumptions.map((c, i): ConsumerView => {
    const p = consumerPropagation(records[i]!, record);
    return {
      workload: workloadRef(c.workload), mechanism: normaliseEnum(c.mechanism), refreshIntervalSeconds: c.refreshIntervalSeconds,
      reload: normaliseEnum(c.reload), identity: c.identity, secretRef: c.secretRef,
      manifest: c.manifestFile ? { file: c.manifestFile, line: c.manifestLine } : null,
      propagationSeconds: p.newValueAfterSeconds, propagationExplanation: p.note, waitsFor: p.waitsFor,
    };
  });
  const simulation = simulateRotation({ secret: record, consumptions: records, dependencies });
  const breakingNow = new Set(simulation.breaks.dependents.map((d) => d.workloadKey));
  const dependents = transitiveDependents([...new Set(records.map((r) => r.workloadKey))], dependencies)
    .map((d): DependentView => ({ workload: ref(d.workloadKey), depth: d.depth, path: d.via.map(ref), breaksNow: breakingNow.has(d.workloadKey) }))
    .sort((a, b) => a.depth - b.depth || a.workload.key.localeCompare(b.workload.key));
  return {
    consumers,
    dependents,
    whatBreaks: {
      consumers: simulation.breaks.consumers.map((c) => ({ workload: ref(c.workloadKey), until: c.until, why: c.why })),
      dependents: simulation.breaks.dependents.map((d) => ({ workload: ref(d.workloadKey), depth: d.via.length - 1, path: d.via.map(ref), breaksNow: true })),
    },
    rotation: simulation.events.map((e) => ({ atSeconds: e.atSeconds, workload: e.workloadKey ? ref(e.workloadKey) : null, event: e.event, detail: e.detail })),
    propagation: {
      totalSeconds: simulation.totalSeconds, restartBound: simulation.restartBound,
      slowest: simulation.propagation.slowestWorkloadKey ? ref(simulation.propagation.slowestWorkloadKey) : null,
    },
  };
}

export function countReaders(readers: ReaderView[]): Record<ReaderCategory, number> {
  const counts: Record<ReaderCategory, number> = { human: 0, ci: 0, workload: 0, other: 0 };
  for (const r of readers) counts[r.category]++;
  return counts;
}

/** exposure_terms is JSON written by the sync; anything malformed is dropped rather than trusted. */
export function parseExposureTerms(value: unknown): ExposureTerm[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((t: unknown) => {
    const term = t as Partial<ExposureTerm> | null;
    if (!term || typeof term.term !== "string" || typeof term.points !== "number") return [];
    return [{ term: term.term, points: term.points, detail: typeof term.detail === "string" ? term.detail : "" }];
  });
}
