/**
 * Lease and certificate health of every gated cluster (issue "Health"), read in the same sync as
 * the inventory so both land in one snapshot. Deep imports for the same reason as collect-vault.ts.
 * A failed read is a problem with its location, never a failed sync.
 */
import { collectCertificates } from "@/lib/sources/vault-health/collect-certificates";
import { collectLeases } from "@/lib/sources/vault-health/collect-leases";
import type { VaultInventory } from "@/lib/sources/vault/collect-inventory";
import type { HealthRecords } from "@/lib/health/records";
import type { VaultReader } from "@/lib/vault";
import type { SyncProblem } from "./snapshot-data";

export interface CollectedHealth {
  records: HealthRecords;
  problems: SyncProblem[];
  requestCount: number;
}

export async function collectHealth(clusters: readonly { reader: VaultReader; inventory: VaultInventory }[], concurrency: number): Promise<CollectedHealth> {
  const out: CollectedHealth = { records: { leases: [], certificates: [], issuers: [] }, problems: [], requestCount: 0 };
  for (const { reader, inventory } of clusters) {
    const mounts = inventory.mounts.map((m) => m.path);
    const pkiMounts = inventory.mounts.filter((m) => m.type === "pki").map((m) => m.path);
    const [leases, certificates] = await Promise.all([
      collectLeases(reader, { cluster: inventory.cluster, concurrency, mounts }),
      collectCertificates(reader, { cluster: inventory.cluster, pkiMounts, concurrency }),
    ]);
    out.records.leases.push(...leases.leases);
    out.records.certificates.push(...certificates.certificates);
    out.records.issuers.push(...certificates.issuers);
    out.problems.push(...leases.problems, ...certificates.problems);
    out.requestCount += leases.requestCount + certificates.requestCount;
  }
  return out;
}
