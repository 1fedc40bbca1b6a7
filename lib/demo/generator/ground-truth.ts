import type { VaultWorld } from "../vault-world";
import type { AccessModel } from "./access-model";
import type { AuditBuild } from "./audit/build-audit";
import { ghostSecret } from "./audit/planted-signals";
import { BUSINESS_HOURS } from "./audit/audit-times";
import { NETWORK } from "./audit/audit-context";
import { DEMO_CANARY_PREFIX } from "./canary";
import type { CompanyModel } from "./company";
import type { DistributionModel } from "./distribution/consumers";
import { componentRef, dependentsIndex } from "./distribution/catalog";
import type { DanglingReferenceFact } from "./distribution/k8s-manifests";
import type { WorkflowFacts } from "./distribution/workflows";
import type { GroundTruth, GroundTruthConsumer, GroundTruthSecret } from "./ground-truth-types";
import type { CertificateFact } from "./pki/pki-mount";
import { dynamicSecrets, kvListOnly, kvReaders } from "./readers";
import type { LeaseFacts } from "./vault-leases";
import { DEMO_TOKENS } from "./vault-world-builder";

export interface GroundTruthInput {
  seed: number; scale: number; now: Date; counts: Record<string, number>;
  world: VaultWorld; company: CompanyModel; access: AccessModel; dist: DistributionModel;
  audit: AuditBuild; certificates: CertificateFact[]; leases: LeaseFacts; workflows: WorkflowFacts;
  malformed: Array<{ path: string; problem: string }>;
  dangling: DanglingReferenceFact[];
}

function neverReading(secrets: GroundTruthSecret[]): string[] {
  const granted = new Set<string>();
  const read = new Set<string>();
  for (const s of secrets) {
    s.readers.forEach((r) => granted.add(r));
    Object.keys(s.readsInAuditLog).forEach((r) => read.add(r));
  }
  return [...granted].filter((r) => !read.has(r)).sort();
}

export function buildGroundTruth(x: GroundTruthInput): GroundTruth {
  const { world, company, access, dist, audit } = x;
  const consumersBy = new Map<string, GroundTruthConsumer[]>();
  const servicesBy = new Map<string, Set<string>>();
  const workloadByKey = new Map(dist.workloads.map((w) => [w.key, w]));
  for (const e of dist.edges) {
    const k = `${e.mount}:${e.path}`;
    consumersBy.set(k, [...(consumersBy.get(k) ?? []), { workload: e.workload, mechanism: e.mechanism, refreshSeconds: e.refreshSeconds, reload: e.reload, identity: e.identity, file: e.file }]);
    // Dependents hang off runtime consumers: a CI job serves no traffic, nothing depends on it (catalog mapping rule).
    const w = workloadByKey.get(e.workload);
    if (!w || w.kind === "WorkflowJob") continue;
    const set = servicesBy.get(k) ?? new Set<string>();
    set.add(w.service);
    servicesBy.set(k, set);
  }
  const dependents = dependentsIndex(company);
  const ghost = ghostSecret(company, access);
  const ghostKey = `${ghost.mount}:${ghost.path}`;
  const finish = (base: Omit<GroundTruthSecret, "consumers" | "dependents" | "readsInAuditLog" | "unusedReaders" | "ghostReaders">): GroundTruthSecret => {
    const k = `${base.mount}:${base.path}`;
    const reads = Object.fromEntries([...(audit.reads.get(k) ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b)));
    const consuming = servicesBy.get(k) ?? new Set<string>();
    const deps = new Set<string>();
    for (const s of consuming) for (const d of dependents(s)) if (!consuming.has(d)) deps.add(componentRef(d));
    return {
      ...base,
      consumers: consumersBy.get(k) ?? [],
      dependents: [...deps].sort(),
      readsInAuditLog: reads,
      unusedReaders: base.readers.filter((r) => !(r in reads)),
      ghostReaders: k === ghostKey ? ["approle:approle:legacy-billing-export"] : [],
    };
  };
  const secrets: GroundTruthSecret[] = [
    ...company.kvSecrets.map((s) => finish({ cluster: world.clusterName, mount: s.mount, path: s.path, kind: "kv-v2", environment: s.env, owner: `team-${s.team}`, readers: kvReaders(s, company, access), listOnly: kvListOnly(s, access) })),
    ...dynamicSecrets(company, access).map((d) => finish({ cluster: world.clusterName, mount: d.mount, path: d.path, kind: d.kind, environment: d.environment, owner: `team-${d.team}`, readers: d.readers, listOnly: [] })),
  ];
  const certRef = (c: CertificateFact) => ({ serial: c.serial, commonName: c.commonName, notAfter: c.notAfter, keyType: c.keyType, keyBits: c.keyBits, revokedAt: c.revokedAt });
  const driftTeamFile = `terraform/team-${access.driftTeam}.tf`;
  return {
    generator: { seed: x.seed, scale: x.scale, now: x.now.toISOString(), version: 1 },
    canaryPrefix: DEMO_CANARY_PREFIX,
    identityKeyFormat: "kubernetes:<mount>:<role> | jwt:<mount>:<role> | approle:<mount>:<role> | group:<name>",
    definitions: {
      readers: "identities (auth roles and identity groups in live Vault) whose merged ACL grants read on <mount>/data/<path> (KV v2) or <mount>/<path> (dynamic); tokens are not identities",
      listOnly: "identities with list on <mount>/metadata/<path> but no read on the data path",
      consumers: "workloads that receive the secret: mechanism, refreshSeconds = distribution delay (null: only on restart or next run; leased secrets: the lease TTL; a CronJob reading an ESO- or CSI-synced Kubernetes Secret keeps the sync interval, the Secret being only as fresh as its last sync), reload = what the workload needs to see a new value",
      consumerCollapse: "one consumer per (workload, secret, mechanism): a workload that receives the secret by two deliveries (CSI file and CSI-synced env var) counts once with the slower reload and the longer refresh",
      dependents: "Backstage components that depend, directly or transitively, on a service whose Kubernetes workloads consume the secret (consuming services excluded; CI jobs serve no traffic and have no dependents)",
      danglingReferences: "consumers whose manifest names a Vault path that does not exist; not secrets, listed apart",
      readsInAuditLog: "successful data reads per identity in audit/vault_audit.log; human reads are attributed to the group whose policy granted them",
      unusedReaders: "readers with no read in the audit log (revocation candidates)",
      ghostReaders: "identities that read the secret in the audit log but no longer have access (rotate the value)",
      secretsScope: "all KV v2 secrets, dynamic database roles (creds/<role>), the static role (static-creds/<role>) and AWS roles (creds/<role>); PKI certificates are listed under certificates",
    },
    layout: {
      "world.json": "VaultWorld of the primary cluster (lib/demo/vault-world.ts), served by the Vault stand-in",
      "terraform/": "git repository (branch main): Vault configuration as code, with the drift listed here",
      "manifests/<k8s-cluster>/<namespace>/<service>.yaml": "Kubernetes manifests per service and environment",
      "workflows/<repo>/.github/workflows/*.yml": "GitHub Actions workflows per repository",
      "catalog/<service>/catalog-info.yaml": "Backstage components with spec.dependsOn",
      "audit/vault_audit.log": "Vault file audit device output: normal traffic plus every planted signal",
      "audit/vault_audit.clean.log": "the same normal traffic without planted signals (must raise no alert)",
    },
    businessHours: { ...BUSINESS_HOURS, days: [...BUSINESS_HOURS.days] },
    network: { serviceCidrs: [...NETWORK.serviceCidrs], humanCidrs: [...NETWORK.humanCidrs], portalAddress: NETWORK.portalAddress },
    tokens: { ...DEMO_TOKENS },
    clusters: [{ name: world.clusterName, id: world.clusterId, file: "world.json" }],
    counts: x.counts,
    identities: access.identities.map((i) => ({ key: i.key, kind: i.kind, policies: i.policies, inVault: i.inVault, inTerraform: i.inTerraform })),
    secrets,
    danglingReferences: x.dangling.map((d) => ({ workload: d.workload, mechanism: d.mechanism, vaultPath: d.vaultPath, identity: d.identity, file: d.file, problem: d.problem })),
    drift: [
      { kind: "policy-only-in-vault", name: access.clickOpsPolicy, detail: "created in the Vault UI with the root token (see the root-token-used signal); no Terraform resource", terraformFile: null },
      { kind: "role-only-in-terraform", name: `auth/${access.canaryRole.mount}/role/${access.canaryRole.name}`, detail: "vault_kubernetes_auth_backend_role merged in the last commit and never applied", terraformFile: `terraform/team-${company.teams[0]?.name}-canary.tf` },
      { kind: "policy-rules-differ", name: `team-${access.driftTeam}`, detail: `live policy has an extra rule path "kv-prod/data/${access.driftTeam}/prod/*" { read } added in the UI`, terraformFile: driftTeamFile },
    ],
    templatedPolicies: access.policies.filter((p) => (p.live ?? []).some((r) => r.path.includes("{{"))).map((p) => p.name),
    staticSecretWorkflows: x.workflows.staticSecrets,
    unpinnedActions: x.workflows.unpinnedActions,
    audit: { file: "audit/vault_audit.log", cleanFile: "audit/vault_audit.clean.log", hmacKey: audit.hmacKey, windowStart: audit.windowStart, windowEnd: x.now.toISOString(), lines: audit.lineCount, signals: audit.signals, identitiesNeverReading: neverReading(secrets) },
    certificates: {
      mount: "pki",
      expiringWithin7Days: x.certificates.filter((c) => c.status === "expiring").map(certRef),
      expired: x.certificates.filter((c) => c.status === "expired").map(certRef),
      revoked: x.certificates.filter((c) => c.status === "revoked").map(certRef),
      weak: x.certificates.filter((c) => c.status === "weak").map(certRef),
    },
    leases: { renewalFailures: x.leases.renewalFailures, expiringWithin1Hour: x.leases.expiringSoon },
    malformedManifests: x.malformed.map((m) => ({ file: m.path, problem: m.problem })),
  };
}
