/**
 * sys/health and sys/seal-status: unauthenticated, raw JSON (no envelope), served even when sealed
 * (reference/vault-api.md §1). The stand-in is always an initialized, active node.
 */
import type { VaultWorld } from "../vault-world";

export interface RawAnswer {
  status: number;
  body: Record<string, unknown> | null;
}

const HEALTH_CODES = {
  activecode: 200,
  standbycode: 429,
  drsecondarycode: 472,
  performancestandbycode: 473,
  sealedcode: 503,
  uninitcode: 501,
} as const;

export function health(world: VaultWorld, sealed: boolean, query: URLSearchParams): RawAnswer {
  const codes: Record<string, number> = { ...HEALTH_CODES };
  for (const name of Object.keys(HEALTH_CODES)) {
    const v = query.get(name);
    if (v === null) continue;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) return { status: 400, body: { errors: [`bad code: ${v}`] } };
    codes[name] = n;
  }
  const body: Record<string, unknown> = {
    initialized: true,
    sealed,
    // A sealed node reports itself as standby.
    standby: sealed,
    performance_standby: false,
    replication_performance_mode: "disabled",
    replication_dr_mode: "disabled",
    server_time_utc: Math.floor(Date.now() / 1000),
    version: world.version,
    enterprise: false,
  };
  if (!sealed) {
    body.cluster_name = world.clusterName;
    body.cluster_id = world.clusterId;
  }
  body.echo_duration_ms = 0;
  body.clock_skew_ms = 0;
  body.replication_primary_canary_age_ms = 0;
  return { status: sealed ? codes.sealedcode! : codes.activecode!, body };
}

export function sealStatus(world: VaultWorld, sealed: boolean): RawAnswer {
  const body: Record<string, unknown> = {
    type: "shamir",
    initialized: true,
    sealed,
    t: 3,
    n: 5,
    progress: 0,
    nonce: "",
    version: world.version,
    build_date: "2024-12-16T14:00:53Z",
    migration: false,
  };
  if (!sealed) {
    body.cluster_name = world.clusterName;
    body.cluster_id = world.clusterId;
  }
  Object.assign(body, { recovery_seal: false, storage_type: "raft" });
  return { status: 200, body };
}
