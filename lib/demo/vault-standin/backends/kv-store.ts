/**
 * In-memory KV storage for one mount: secrets by path plus the folder tree LIST reads.
 * Holds the canary values too (only the data/ endpoints return them).
 */
import type { KvSecret } from "../../vault-world";
import { PathTree } from "../path-tree";

export interface KvConfig {
  cas_required: boolean;
  delete_version_after: string;
  max_versions: number;
}

export class KvStore {
  readonly secrets = new Map<string, KvSecret>();
  readonly tree = new PathTree();
  /** Values of versions written through the API (the world only carries the current version's data). */
  readonly versionData = new Map<string, Map<number, Record<string, string>>>();
  config: KvConfig = { cas_required: false, delete_version_after: "0s", max_versions: 0 };

  constructor(secrets: readonly KvSecret[]) {
    for (const s of secrets) this.index(s);
  }

  /** Secrets this store may change in place (copies it made); world objects are never mutated. */
  private readonly owned = new WeakSet<KvSecret>();

  /** Copy-on-write access for writes, so the caller's VaultWorld stays untouched. */
  editable(path: string): KvSecret | undefined {
    const s = this.secrets.get(path);
    if (!s || this.owned.has(s)) return s;
    const copy = structuredClone(s);
    this.owned.add(copy);
    this.secrets.set(path, copy);
    return copy;
  }

  /** Store a secret this store created or copied (so it may be changed in place later). */
  put(secret: KvSecret): void {
    this.owned.add(secret);
    this.index(secret);
  }

  private index(secret: KvSecret): void {
    this.secrets.set(secret.path, secret);
    this.tree.add(secret.path);
  }

  remove(path: string): boolean {
    this.versionData.delete(path);
    this.tree.remove(path);
    return this.secrets.delete(path);
  }

  /** LIST of a folder path as it appears after the route prefix ("" or "a/b/"). */
  list(folder: string): readonly string[] | undefined {
    return this.tree.list(folder);
  }
}

export const nowIso = () => new Date().toISOString();

/** Vault treats a version as deleted once its deletion_time has passed. */
export function isDeleted(deletionTime: string): boolean {
  return deletionTime !== "" && Date.parse(deletionTime) <= Date.now();
}
