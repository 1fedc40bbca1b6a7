/** Everything one running stand-in serves, indexed at start (see world-index.ts). */
import type { VaultWorld } from "../vault-world";
import type { Backend } from "./backend";
import type { PolicyStore } from "./policy-store";
import type { TokenView } from "./tokens";
import type { PathTree } from "./path-tree";

export interface MountRecord {
  /** With trailing slash; auth mounts include "auth/": "auth/kubernetes/". */
  path: string;
  /** The sys/mounts (or sys/auth) entry, keyed there by the path without "auth/". */
  entry: Record<string, unknown>;
  backend: Backend;
  isAuth: boolean;
}

export interface LeaseIndex {
  byId: Map<string, VaultWorld["leases"][number]>;
  tree: PathTree;
}

export interface StandinState {
  world: VaultWorld;
  startedAt: Date;
  policies: PolicyStore;
  tokens: Map<string, TokenView>;
  mounts: Map<string, MountRecord>;
  leases: LeaseIndex;
  isSealed(): boolean;
}

/** Vault's router: longest mount prefix wins; "foo" also matches mount "foo/". */
export function resolveMount(mounts: Map<string, MountRecord>, path: string): MountRecord | undefined {
  const candidate = path.endsWith("/") ? path : `${path}/`;
  for (let i = candidate.length; i > 0; i = candidate.lastIndexOf("/", i - 2) + 1) {
    const found = mounts.get(candidate.slice(0, i));
    if (found) return found;
    if (i <= 1) break;
  }
  return undefined;
}
