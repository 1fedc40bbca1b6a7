/**
 * Puts one sync's inputs together into the SnapshotData contract: Vault inventories, Terraform
 * policies, resolved consumptions, workloads and dependencies, then the materialised grants and
 * per-secret summaries from lib/blast-radius. No I/O besides the (WebAssembly) policy parser.
 */
import { materialiseGrants, summariseSecrets, type MaterialiseStats, type PrivilegedIdentity } from "@/lib/blast-radius";
import { detectDrift } from "@/lib/drift/detect-drift";
import type { DriftResult } from "@/lib/drift/types";
import type { VaultInventory } from "@/lib/sources/vault/collect-inventory";
import { analysePolicies, type PolicyAnalysis } from "./analyse-policies";
import { toDependencyRecords, toWorkloadRecord } from "./map-workloads";
import type { DistributionSources } from "./read-sources";
import { resolveConsumptions } from "./resolve-consumptions";
import type { PolicyRecord, SnapshotData, SyncProblem } from "./snapshot-data";
import type { SyncPhase } from "./types";
import { append } from "./append";

export interface AssembledSnapshot {
  data: SnapshotData;
  policyAnalysis: PolicyAnalysis[];
  grantStats: MaterialiseStats;
  privilegedIdentities: PrivilegedIdentity[];
  danglingConsumptions: number;
  /** Live Vault vs Terraform (lib/drift); null when no Terraform repository was read. */
  drift: DriftResult | null;
  timingsMs: { grants: number; summaries: number };
}

export async function assembleSnapshot(vault: readonly VaultInventory[], sources: DistributionSources, now: Date, onPhase: (phase: SyncPhase) => Promise<void>): Promise<AssembledSnapshot> {
  await onPhase("resolve");
  const secrets = vault.flatMap((v) => v.secrets);
  const identities = vault.flatMap((v) => v.identities);
  const memberships = vault.flatMap((v) => v.memberships);
  const problems: SyncProblem[] = [...vault.flatMap((v) => v.problems), ...sources.problems];
  const policies = dedupePolicies([...vault.flatMap((v) => v.policies), ...terraformPolicies(vault[0]?.cluster ?? null, sources)], problems);
  const analysed = await analysePolicies(policies);
  append(problems, analysed.problems);
  const drift = detectDrift({ live: vault[0], terraform: sources.terraform, policies, analyses: analysed.analyses });

  const resolved = resolveConsumptions({ consumptions: sources.consumptions, secrets, identities });
  append(problems, resolved.problems);
  const workloads = sources.workloads.map(toWorkloadRecord);
  const dependencies = toDependencyRecords(sources.dependencies, new Set(workloads.map((w) => w.key)));

  await onPhase("grants");
  let started = performance.now();
  const materialised = materialiseGrants({ secrets, identities, memberships, policies: analysed.live });
  const grantsMs = performance.now() - started;
  append(problems, grantProblems(materialised.stats));

  await onPhase("summaries");
  started = performance.now();
  const base = { secrets, policies, identities, memberships, workloads, consumptions: resolved.consumptions, dependencies, grants: materialised.grants, problems };
  const summaries = summariseSecrets(base, now);
  return {
    data: { ...base, summaries },
    policyAnalysis: analysed.analyses,
    grantStats: materialised.stats,
    privilegedIdentities: materialised.privilegedIdentities,
    danglingConsumptions: resolved.dangling,
    drift,
    timingsMs: { grants: Math.round(grantsMs), summaries: Math.round(performance.now() - started) },
  };
}

/**
 * Terraform declares policies without saying which cluster applies them; they are filed under the
 * first configured cluster (the common single-cluster case). Drift is computed per name.
 */
function terraformPolicies(cluster: string | null, sources: DistributionSources): PolicyRecord[] {
  if (!cluster || !sources.terraform) return [];
  const commit = sources.terraform.commit;
  return sources.terraform.vault.policies.map((p) => ({
    cluster, name: p.name, origin: "terraform" as const, rawHcl: p.policy ?? "", file: p.policyFile ?? p.origin.file, commit,
  }));
}

/** (cluster, name, origin) is unique per snapshot; a second Terraform resource for a name is reported. */
function dedupePolicies(policies: PolicyRecord[], problems: SyncProblem[]): PolicyRecord[] {
  const seen = new Set<string>();
  return policies.filter((p) => {
    const id = `${p.cluster}\u0000${p.name}\u0000${p.origin}`;
    if (!seen.has(id)) return seen.add(id), true;
    problems.push({ source: p.origin === "live" ? "vault" : "terraform", location: p.file ?? p.cluster, message: `policy ${p.name} is declared more than once; the first declaration is kept`, severity: "warning" });
    return false;
  });
}

function grantProblems(stats: MaterialiseStats): SyncProblem[] {
  const out: SyncProblem[] = [];
  for (const m of stats.missingPolicies.slice(0, 500)) {
    out.push({ source: "vault", location: m.identityKey, message: `carries policy "${m.policy}", which does not exist in Vault (ignored, as Vault does)`, severity: "warning" });
  }
  // One line per distinct (policies, patterns), not per identity: "default" alone would repeat for every role.
  const templated = new Map<string, { policies: string[]; patterns: string[]; holders: string[] }>();
  for (const t of stats.templated) {
    const id = `${t.policies.join(",")}\u0000${t.patterns.join(",")}`;
    const entry = templated.get(id) ?? { policies: t.policies, patterns: t.patterns, holders: [] };
    entry.holders.push(t.identityKey);
    templated.set(id, entry);
  }
  for (const t of templated.values()) {
    const who = t.holders.length === 1 ? t.holders[0] : `${t.holders.length} identities (e.g. ${t.holders[0]})`;
    out.push({ source: "vault", location: `policy ${t.policies.join(", ")}`, message: `templated rules ${t.patterns.join(", ")} are not evaluated for ${who}: their grants are a lower bound`, severity: "warning" });
  }
  for (const name of stats.invalidPolicies) {
    out.push({ source: "vault", location: name, message: "policy has rules Vault would reject; it is not applied when materialising grants", severity: "warning" });
  }
  return out;
}
