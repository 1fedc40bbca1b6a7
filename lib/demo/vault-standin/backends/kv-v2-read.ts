/** KV v2 read endpoints: metadata (LIST + GET), data (GET, returns the canary), subkeys, config. */
import { notFound } from "../errors";
import { listOf, ok, type BackendRequest, type BackendResponse } from "../backend";
import { isDeleted, type KvStore } from "./kv-store";
import type { KvSecret } from "../../vault-world";

export function listMetadata(store: KvStore, req: BackendRequest): BackendResponse {
  return listOf(store.list(req.params.path ?? ""));
}

export function readMetadata(store: KvStore, req: BackendRequest): BackendResponse {
  const s = store.secrets.get(req.params.path ?? "");
  if (!s) throw notFound();
  const numbers = Object.keys(s.versions).map(Number);
  const oldest = numbers.length > 0 ? Math.min(...numbers) : 0;
  return ok({
    cas_required: s.casRequired,
    created_time: s.createdTime,
    current_version: s.currentVersion,
    custom_metadata: s.customMetadata,
    delete_version_after: s.deleteVersionAfter,
    max_versions: s.maxVersions,
    // Vault reports 0 until max_versions has pruned something.
    oldest_version: oldest > 1 ? oldest : 0,
    updated_time: s.updatedTime,
    versions: Object.fromEntries(
      Object.entries(s.versions).map(([v, m]) => [v, { created_time: m.createdTime, deletion_time: m.deletionTime, destroyed: m.destroyed }]),
    ),
  });
}

export function versionMetadata(s: KvSecret, version: number): Record<string, unknown> | null {
  const m = s.versions[String(version)];
  if (!m) return null;
  return { created_time: m.createdTime, custom_metadata: s.customMetadata, deletion_time: m.deletionTime, destroyed: m.destroyed, version };
}

export function readData(store: KvStore, req: BackendRequest): BackendResponse {
  const s = store.secrets.get(req.params.path ?? "");
  if (!s) throw notFound();
  const asked = Number(req.query.get("version") ?? "0");
  const version = Number.isInteger(asked) && asked > 0 ? asked : s.currentVersion;
  const metadata = versionMetadata(s, version);
  const v = s.versions[String(version)];
  if (!metadata || !v) throw notFound();
  // A deleted or destroyed version is a 404 that still carries the envelope (KV v2 quirk).
  if (v.destroyed || isDeleted(v.deletionTime)) return { kind: "json", status: 404, data: { data: null, metadata } };
  const data = store.versionData.get(s.path)?.get(version) ?? s.data;
  return ok({ data: { ...data }, metadata });
}

export function readSubkeys(store: KvStore, req: BackendRequest): BackendResponse {
  const s = store.secrets.get(req.params.path ?? "");
  const v = s?.versions[String(s.currentVersion)];
  if (!s || !v) throw notFound();
  const metadata = versionMetadata(s, s.currentVersion);
  if (v.destroyed || isDeleted(v.deletionTime)) return { kind: "json", status: 404, data: { subkeys: null, metadata } };
  // Subkeys reveal structure, not values: every leaf is null.
  return ok({ subkeys: Object.fromEntries(Object.keys(s.data).map((k) => [k, null])), metadata });
}

export function readConfig(store: KvStore): BackendResponse {
  return ok({ ...store.config });
}
