/** KV v2 metadata (and KV v1 listings) -> SecretRecord. Pure: no I/O. */
import { parseDuration } from "@/lib/sources/durations";
import type { SecretRecord } from "@/lib/sync/snapshot-data";
import { inferKvEnvironment } from "./heuristics";
import type { KvMetadata } from "./schemas";

export interface KvRecordResult {
  record: SecretRecord;
  /** Set when custom_metadata.rotation_period is not a duration (the record keeps null). */
  rotationProblem: string | null;
}

export function kvV2Record(cluster: string, mount: string, path: string, meta: KvMetadata): KvRecordResult {
  const custom = meta.custom_metadata ?? {};
  const rotation = custom.rotation_period === undefined ? null : parseDuration(custom.rotation_period);
  const versions = Object.entries(meta.versions)
    .map(([v, m]) => ({ version: Number(v), createdTime: m.created_time, deletionTime: m.deletion_time || null, destroyed: m.destroyed }))
    .sort((a, b) => a.version - b.version);
  const current = meta.versions[String(meta.current_version)];
  return {
    record: {
      key: `${cluster}:${mount}/${path}`,
      cluster,
      mount,
      path,
      dataPath: `${mount}/data/${path}`,
      metadataPath: `${mount}/metadata/${path}`,
      engineKind: "kv-v2",
      lifecycle: "static",
      environment: inferKvEnvironment(mount, path, custom),
      ownerTeam: custom.owner || null,
      classification: custom.classification || null,
      rotationPeriodSeconds: rotation?.ok ? rotation.seconds : null,
      // Writing a new version is how a KV secret is rotated: its creation time is the last rotation.
      lastRotatedAt: current?.created_time ?? null,
      currentVersion: meta.current_version,
      versions,
      customMetadata: { ...custom },
      createdTime: meta.created_time,
      leaseTtlSeconds: null,
    },
    rotationProblem: rotation && !rotation.ok ? `custom_metadata.rotation_period: ${rotation.message}` : null,
  };
}

/** KV v1 keeps no metadata: path only. */
export function kvV1Record(cluster: string, mount: string, path: string): SecretRecord {
  return {
    key: `${cluster}:${mount}/${path}`,
    cluster,
    mount,
    path,
    dataPath: `${mount}/${path}`,
    metadataPath: null,
    engineKind: "kv-v1",
    lifecycle: "static",
    environment: inferKvEnvironment(mount, path, {}),
    ownerTeam: null,
    classification: null,
    rotationPeriodSeconds: null,
    lastRotatedAt: null,
    currentVersion: null,
    versions: [],
    customMetadata: {},
    createdTime: null,
    leaseTtlSeconds: null,
  };
}
