import type { DriftSummary } from "@/lib/drift/types";
import type { CiFindings } from "./ci-findings";
import type { AttestationRecord } from "./repository";
import type { VaultProbeResult } from "./vault-probe";

/** Everything the scoring needs, gathered once per evaluation (lib/checklist/gather-facts.ts). */
export interface ChecklistFacts {
  now: Date;
  snapshot: { id: string; switchedAt: Date } | null;
  environments: { environment: string | null; clusters: string[]; secrets: number }[];
  dangling: { rows: { secret_ref: string; workload_key: string; manifest_file: string | null; mechanism: string }[]; total: number };
  ci: { configured: false } | { configured: true; findings: CiFindings | null; error: string | null };
  databases: { rows: { key: string; kind: string; consumer_count: number; environment: string | null }[]; static_roles: number; kv_passwords: number; dynamic_roles: number };
  kubernetes: { eso: number; eso_secrets: number; k8s_workloads: number };
  certificates: { rows: { cluster: string; issuer_mount: string; serial: string; common_name: string | null; not_after: Date }[]; total: number; active: number; no_role: number; mounts: string[] };
  drift: DriftSummary;
  /** Null when the viewer may not see drifted resource names (drift.read or exports.create). */
  driftNames: { kind: string; name: string; status: string; cluster: string }[] | null;
  vault: VaultProbeResult[] | null;
  audit: { lastEventAt: Date | null; eventsSince: number; alertsByRule: { rule: string; open: number; total: number }[] };
  blastRadius: { rows: { key: string; owner_team: string | null; reader_count: number; consumer_count: number }[]; total: number; incomplete: number; no_owner: number; no_consumer: number };
  attestations: AttestationRecord[];
}
