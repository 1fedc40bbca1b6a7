import type { AccessModel } from "./access-model";
import { buildAccessModel } from "./access-model";
import { buildAuditLogs } from "./audit/build-audit";
import { COMPANY, buildCompany } from "./company";
import { buildDistribution } from "./distribution/consumers";
import { renderCatalog } from "./distribution/catalog";
import { danglingReferences, malformedManifests, renderManifests } from "./distribution/k8s-manifests";
import { renderWorkflows } from "./distribution/workflows";
import { buildGroundTruth } from "./ground-truth";
import { createRng } from "./prng";
import { deriveCounts } from "./scale";
import { renderTerraform } from "./terraform/render-terraform";
import type { DemoOptions, DemoOrganisation } from "./types";
import { buildVaultWorld } from "./vault-world-builder";

/**
 * One consistent fictitious company across every plane, deterministic from (seed, scale/counts, now):
 * the same inputs give byte-identical output. Each plane draws from its own forked PRNG stream.
 */
export function generateDemoOrganisation(options: DemoOptions): DemoOrganisation {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const now = new Date(Math.floor(options.now.getTime() / 1000) * 1000); // whole seconds: stable text
  const counts = deriveCounts(scale, options.counts);
  const rng = createRng(seed);
  const company = buildCompany(rng.fork("company"), counts);
  const access: AccessModel = buildAccessModel(company);
  const { world, certificates, leases, approleIds } = buildVaultWorld(rng.fork("vault"), company, access, counts, now);
  const dist = buildDistribution(company);
  const workflows = renderWorkflows(company);
  const audit = buildAuditLogs(rng.fork("audit"), seed, world, company, access, dist, leases, approleIds, counts.auditSessions, now);
  const terraform = renderTerraform(company, access, world, now);
  const malformed = malformedManifests(company);
  const groundTruth = buildGroundTruth({
    seed, scale, now, world, company, access, dist, audit, certificates, leases, workflows: workflows.facts, malformed, dangling: danglingReferences(company),
    counts: {
      ...counts,
      kvSecrets: company.kvSecrets.length,
      identities: access.identities.filter((i) => i.inVault).length,
      policies: Object.keys(world.policies).length,
      workloads: dist.workloads.length,
      consumptionEdges: dist.edges.length,
      leases: world.leases.length,
    },
  });
  return {
    seed, scale, now: now.toISOString(), counts,
    company: { ...COMPANY },
    clusters: [world],
    terraform,
    files: [
      ...renderManifests(company),
      ...workflows.files,
      ...renderCatalog(company),
      { path: "audit/vault_audit.log", content: audit.log },
      { path: "audit/vault_audit.clean.log", content: audit.cleanLog },
    ],
    groundTruth,
  };
}
