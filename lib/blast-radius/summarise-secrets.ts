import type { ConsumptionRecord, GrantRecord, IdentityKind, SecretSummaryRecord, SnapshotData } from "@/lib/sync/snapshot-data";
import { computePropagation } from "./compute-propagation";
import { scoreExposure, type ExposureEvidence, type ScoredGrant } from "./score-exposure";
import { indexReverseDependencies, transitiveDependents } from "./transitive-dependents";

/**
 * The per-secret answers lists filter and sort on, for a whole snapshot in one pass: consumptions
 * and grants are indexed by secret once, the reverse dependency graph is built once. `evidence`
 * (audit-log evidence per secret key, see audit-evidence.ts) scores ghost readers and unused grants;
 * without it they score 0 ("no audit evidence yet"). The secret page rescores with live evidence.
 */
export function summariseSecrets(data: Omit<SnapshotData, "summaries">, now: Date, evidence?: ReadonlyMap<string, ExposureEvidence>): SecretSummaryRecord[] {
  const kindOf = new Map<string, IdentityKind>(data.identities.map((i) => [i.key, i.kind]));
  const grantsBySecret = groupBy(data.grants, (g: GrantRecord) => g.secretKey);
  const consumptionsBySecret = groupBy(data.consumptions, (c: ConsumptionRecord) => c.secretKey);
  const reverse = indexReverseDependencies(data.dependencies);

  return data.secrets.map((secret) => {
    const grants = grantsBySecret.get(secret.key) ?? [];
    const consumptions = consumptionsBySecret.get(secret.key) ?? [];
    const propagation = computePropagation(consumptions, secret);
    const consumerKeys = [...new Set(consumptions.map((c) => c.workloadKey))];
    const scored: ScoredGrant[] = grants.map((g) => ({ identityKey: g.identityKey, capabilities: g.capabilities, rulePath: g.rulePath, identityKind: kindOf.get(g.identityKey) ?? "token" }));
    const { score, terms } = scoreExposure({ secret, grants: scored, propagation, now, evidence: evidence?.get(secret.key) });
    const readerCount = grants.filter((g) => g.capabilities.includes("read")).length;
    return {
      secretKey: secret.key,
      readerCount,
      listOnlyCount: grants.length - readerCount,
      consumerCount: consumerKeys.length,
      dependentCount: consumerKeys.length > 0 ? transitiveDependents(consumerKeys, reverse).length : 0,
      propagationSeconds: propagation.totalSeconds,
      restartBound: propagation.restartBound,
      exposureScore: score,
      exposureTerms: terms,
    };
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
