import "server-only";
import { computeSecretEvidence, rescoreWithEvidence, staleVerdict, toExposureEvidence } from "@/lib/blast-radius";
import { answerForSecret, countReaders, parseExposureTerms } from "./assemble-blast-radius";
import { activeSnapshot, assertCan, type InventoryContext } from "./context";
import { DEPENDENCY_EDGE_LIMIT, findEdgesIntoWorkloads, findWorkloadsByIds } from "./dependency-repository";
import { splitReaders } from "./explain-grants";
import {
  GRANT_LIMIT, findAccessStats, findAuditCoverage, findCertificatesOfSecret, findConsumptionsOfSecret, findGrantsOfSecret, findLeasesOfSecret,
  findPolicyRules, findSecretByKey,
} from "./secret-detail-repository";
import type { SecretBlastRadius, SecretEvidenceView } from "./secret-blast-radius-types";

/**
 * Everything the secret page answers, from one snapshot: readers with their why-chain, consumers
 * with propagation, transitive dependents, what breaks if rotated now, the rotation timeline and
 * the exposure score. Null when the key is not in the active snapshot (or there is none yet).
 * Four round trips: snapshot, secret, its edges (parallel), then policies and the dependency walk.
 */
export async function getSecretBlastRadius(ctx: InventoryContext, key: string): Promise<SecretBlastRadius | null> {
  assertCan(ctx, "secrets.read");
  const snapshotId = await activeSnapshot(ctx);
  if (!snapshotId) return null;
  const secret = await findSecretByKey(ctx.db, snapshotId, key);
  if (!secret) return null;

  const [grants, stats, coverage, consumptions, leases, certificates] = await Promise.all([
    findGrantsOfSecret(ctx.db, snapshotId, secret.id),
    findAccessStats(ctx.db, key),
    findAuditCoverage(ctx.db),
    findConsumptionsOfSecret(ctx.db, snapshotId, secret.id),
    findLeasesOfSecret(ctx.db, snapshotId, secret.id),
    findCertificatesOfSecret(ctx.db, snapshotId, secret.id),
  ]);
  const policyIds = [...new Set(grants.flatMap((g) => (g.policyId ? [g.policyId] : [])))];
  const consumerIds = [...new Set(consumptions.map((c) => c.workload.id))];
  const [policies, edges] = await Promise.all([
    findPolicyRules(ctx.db, snapshotId, policyIds),
    findEdgesIntoWorkloads(ctx.db, snapshotId, consumerIds),
  ]);
  const known = new Set(consumerIds);
  const others = await findWorkloadsByIds(ctx.db, snapshotId, [...new Set(edges.map((e) => e.fromId))].filter((id) => !known.has(id)));
  const workloads = new Map([...consumptions.map((c) => [c.workload.id, c.workload] as const), ...others.map((w) => [w.id, w] as const)]);

  const split = splitReaders(grants, new Map(policies.map((p) => [p.id, p])), stats);
  const detail = {
    ...secret.row, dataPath: secret.dataPath, leaseTtlSeconds: secret.leaseTtlSeconds,
    rotationPeriodSeconds: secret.rotationPeriodSeconds, currentVersion: secret.currentVersion, createdTime: secret.createdTime,
  };
  const answers = answerForSecret(detail, consumptions, edges, workloads);
  const now = new Date();
  const found = computeSecretEvidence({ readers: split.readers.map((r) => r.identity.key), privileged: split.privileged.map((r) => r.identity.key), stats, now });
  const evidence: SecretEvidenceView = {
    available: coverage !== null, coverage, ...found,
    stale: staleVerdict({ lifecycle: detail.lifecycle, rotationPeriodSeconds: detail.rotationPeriodSeconds, lastRotatedAt: detail.lastRotatedAt, createdTime: detail.createdTime }, now),
  };
  const storedTerms = parseExposureTerms(secret.exposureTerms);
  // The stored score is from sync time; with evidence, its ghost/unused terms are recomputed live.
  const exposure = coverage ? rescoreWithEvidence(storedTerms, toExposureEvidence(found)) : { score: secret.row.exposureScore, terms: storedTerms };
  return {
    secret: detail,
    ...split,
    readerCounts: countReaders(split.readers),
    grantsTruncated: grants.length >= GRANT_LIMIT,
    ...answers,
    dependentsTruncated: edges.length >= DEPENDENCY_EDGE_LIMIT,
    exposure,
    evidence,
    leases: {
      count: leases.count,
      rows: leases.rows.map((l) => ({ leaseId: l.leaseId, expireTime: l.expireTime?.toISOString() ?? null, ttlSeconds: l.ttlSeconds, renewable: l.renewable })),
    },
    certificates: {
      count: certificates.count,
      rows: certificates.rows.map((c) => ({ serial: c.serial, commonName: c.commonName, notAfter: c.notAfter.toISOString(), revoked: c.revoked })),
    },
  };
}
