import type { Iso } from "../vault-world";
import type { Mechanism, Reload } from "./types";
import type { PlantedSignal } from "./audit/planted-signals";

/** ground-truth.json: what a correct portal must find in the demo organisation. */
export interface GroundTruth {
  generator: { seed: number; scale: number; now: Iso; version: 1 };
  canaryPrefix: string;
  /** Identity keys: kubernetes:<mount>:<role>, jwt:<mount>:<role>, approle:<mount>:<role>, group:<name>. */
  identityKeyFormat: string;
  /** What the per-secret fields mean, so consumers of this file need not read the generator. */
  definitions: Record<string, string>;
  layout: Record<string, string>;
  businessHours: { timeZone: string; days: string[]; start: string; end: string };
  network: { serviceCidrs: string[]; humanCidrs: string[]; portalAddress: string };
  tokens: { root: string; readonly: string; writer: string };
  clusters: Array<{ name: string; id: string; file: string }>;
  counts: Record<string, number>;
  identities: Array<{ key: string; kind: string; policies: string[]; inVault: boolean; inTerraform: boolean }>;
  secrets: GroundTruthSecret[];
  /** Consumers that name a Vault path that does not exist (not a secret, so not under `secrets`). */
  danglingReferences: GroundTruthDanglingReference[];
  drift: Array<{ kind: "policy-only-in-vault" | "role-only-in-terraform" | "policy-rules-differ"; name: string; detail: string; terraformFile: string | null }>;
  templatedPolicies: string[];
  staticSecretWorkflows: Array<{ repo: string; file: string; secrets: string[] }>;
  unpinnedActions: Array<{ repo: string; file: string; uses: string }>;
  audit: {
    file: string; cleanFile: string; hmacKey: string; windowStart: Iso; windowEnd: Iso; lines: number; signals: PlantedSignal[];
    /** Identities that hold a read grant on at least one secret and never read any in the log. */
    identitiesNeverReading: string[];
  };
  certificates: {
    mount: string;
    expiringWithin7Days: CertRef[];
    expired: CertRef[];
    revoked: CertRef[];
    weak: CertRef[];
  };
  leases: { renewalFailures: string[]; expiringWithin1Hour: string[] };
  malformedManifests: Array<{ file: string; problem: string }>;
}

export interface CertRef { serial: string; commonName: string; notAfter: Iso; keyType: string; keyBits: number; revokedAt: Iso | null }

export interface GroundTruthConsumer {
  workload: string;
  mechanism: Mechanism;
  refreshSeconds: number | null;
  reload: Reload;
  identity: string;
  file: string;
}

export interface GroundTruthDanglingReference {
  workload: string;
  mechanism: Mechanism;
  /** The API path the manifest names, e.g. kv-prod/data/<team>/prod/<service>/does-not-exist. */
  vaultPath: string;
  identity: string;
  file: string;
  problem: string;
}

export interface GroundTruthSecret {
  cluster: string;
  mount: string;
  path: string;
  kind: "kv-v2" | "database-dynamic" | "database-static" | "aws";
  environment: string;
  owner: string;
  readers: string[];
  listOnly: string[];
  consumers: GroundTruthConsumer[];
  /** Backstage components that depend (transitively) on a service whose runtime workloads consume it (CI jobs serve no traffic). */
  dependents: string[];
  readsInAuditLog: Record<string, number>;
  /** Readers with no read in the audit log (revocation candidates). */
  unusedReaders: string[];
  /** Identities that read it (audit log) but no longer have access. */
  ghostReaders: string[];
}
