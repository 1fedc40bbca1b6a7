/**
 * KV v2 writes, so a write-capable token really changes the world (and a test can read it back).
 * Messages are the plugin's own ErrorResponse texts (returned as-is with 400).
 */
import { badRequest, notFound } from "../errors";
import { empty, ok, type BackendRequest, type BackendResponse } from "../backend";
import { isDeleted, nowIso, type KvStore } from "./kv-store";
import type { KvSecret } from "../../vault-world";
import { versionMetadata } from "./kv-v2-read";

function newSecret(path: string, now: string): KvSecret {
  return {
    path,
    createdTime: now,
    updatedTime: now,
    currentVersion: 0,
    maxVersions: 0,
    casRequired: false,
    deleteVersionAfter: "0s",
    customMetadata: null,
    versions: {},
    data: {},
  };
}

function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw badRequest("no data provided");
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

function addVersion(store: KvStore, s: KvSecret, data: Record<string, string>): BackendResponse {
  const now = nowIso();
  const version = s.currentVersion + 1;
  s.versions[String(version)] = { createdTime: now, deletionTime: "", destroyed: false };
  s.currentVersion = version;
  s.updatedTime = now;
  s.data = data;
  const perVersion = store.versionData.get(s.path) ?? new Map<number, Record<string, string>>();
  perVersion.set(version, data);
  store.versionData.set(s.path, perVersion);
  // Prune beyond max_versions (secret setting, else mount config, else Vault's default of 10).
  const keep = s.maxVersions || store.config.max_versions || 10;
  for (const v of Object.keys(s.versions).map(Number)) {
    if (v <= version - keep) {
      delete s.versions[String(v)];
      perVersion.delete(v);
    }
  }
  store.put(s);
  return ok(versionMetadata(s, version));
}

export function writeData(store: KvStore, req: BackendRequest): BackendResponse {
  const path = req.params.path ?? "";
  const data = stringMap(req.body.data);
  const existing = store.editable(path);
  const options = (req.body.options ?? {}) as { cas?: unknown };
  const casRequired = store.config.cas_required || existing?.casRequired === true;
  if (casRequired && options.cas === undefined) throw badRequest("check-and-set parameter required for this call");
  if (options.cas !== undefined && Number(options.cas) !== (existing?.currentVersion ?? 0)) {
    throw badRequest("check-and-set parameter did not match the current version");
  }
  return addVersion(store, existing ?? newSecret(path, nowIso()), data);
}

export function patchData(store: KvStore, req: BackendRequest): BackendResponse {
  const s = store.editable(req.params.path ?? "");
  const current = s?.versions[String(s.currentVersion)];
  if (!s || !current || current.destroyed || isDeleted(current.deletionTime)) throw notFound();
  const merged: Record<string, string> = { ...s.data };
  for (const [k, v] of Object.entries(stringMap(req.body.data))) {
    // JSON merge patch: null removes a key.
    if ((req.body.data as Record<string, unknown>)[k] === null) delete merged[k];
    else merged[k] = v;
  }
  return addVersion(store, s, merged);
}

/** DELETE data/<p>: soft-delete the latest version. */
export function deleteLatest(store: KvStore, req: BackendRequest): BackendResponse {
  const s = store.editable(req.params.path ?? "");
  const v = s?.versions[String(s.currentVersion)];
  if (v && v.deletionTime === "") v.deletionTime = nowIso();
  return empty();
}

/** POST delete|undelete|destroy/<p> with {"versions":[...]} */
export function changeVersions(action: "delete" | "undelete" | "destroy") {
  return (store: KvStore, req: BackendRequest): BackendResponse => {
    const versions = Array.isArray(req.body.versions) ? req.body.versions.map(Number) : [];
    if (versions.length === 0) throw badRequest("no version number provided");
    const s = store.editable(req.params.path ?? "");
    for (const n of versions) {
      const v = s?.versions[String(n)];
      if (!v) continue;
      if (action === "delete" && v.deletionTime === "") v.deletionTime = nowIso();
      if (action === "undelete" && !v.destroyed) v.deletionTime = "";
      if (action === "destroy") {
        v.destroyed = true;
        store.versionData.get(s!.path)?.delete(n);
      }
    }
    return empty();
  };
}

export function writeMetadata(store: KvStore, req: BackendRequest): BackendResponse {
  const path = req.params.path ?? "";
  const s = store.editable(path) ?? newSecret(path, nowIso());
  const b = req.body;
  if (b.max_versions !== undefined) s.maxVersions = Number(b.max_versions);
  if (b.cas_required !== undefined) s.casRequired = b.cas_required === true || b.cas_required === "true";
  if (typeof b.delete_version_after === "string") s.deleteVersionAfter = b.delete_version_after;
  if (b.custom_metadata !== undefined) s.customMetadata = b.custom_metadata === null ? null : stringMap(b.custom_metadata);
  s.updatedTime = nowIso();
  store.put(s);
  return empty();
}

export function deleteMetadata(store: KvStore, req: BackendRequest): BackendResponse {
  store.remove(req.params.path ?? "");
  return empty();
}

export function writeConfig(store: KvStore, req: BackendRequest): BackendResponse {
  const b = req.body;
  if (b.max_versions !== undefined) store.config.max_versions = Number(b.max_versions);
  if (b.cas_required !== undefined) store.config.cas_required = b.cas_required === true || b.cas_required === "true";
  if (typeof b.delete_version_after === "string") store.config.delete_version_after = b.delete_version_after;
  return empty();
}
