/**
 * Index a VaultWorld once at start: mounts into a path map with their backends, tokens by id,
 * policies parsed, leases into a folder tree. Requests then do map lookups only.
 */
import type { VaultMount, VaultWorld } from "../vault-world";
import type { Backend } from "./backend";
import { buildMountEntry, stableAccessor } from "./mount-entries";
import { PathTree } from "./path-tree";
import { PolicyStore } from "./policy-store";
import type { MountRecord, StandinState } from "./state";
import { buildTokenIndex } from "./tokens";
import { createAuthBackend } from "./backends/auth-roles";
import { createAwsBackend } from "./backends/aws";
import { createDatabaseBackend } from "./backends/database";
import { createIdentityBackend } from "./backends/identity";
import { createKvBackend } from "./backends/kv";
import { createPkiBackend } from "./backends/pki";
import { createSysBackend } from "./backends/sys";
import { createTransitBackend } from "./backends/transit";
import { createTokenBackend, tokenMountAccessor } from "./backends/token";

const trimSlashes = (p: string) => p.replace(/^\/+|\/+$/g, "");

/** Backends with no modelled endpoints (cubbyhole): every path is "unsupported path". */
const unsupportedBackend = (type: string): Backend => ({ type, routes: [] });

function secretBackend(m: VaultMount, createdAt: string): Backend {
  switch (m.type) {
    case "kv":
      return createKvBackend(m.version, m.secrets);
    case "database":
      return createDatabaseBackend(m);
    case "aws":
      return createAwsBackend(m.roles);
    case "pki":
      return createPkiBackend(m.pki);
    case "transit":
      return createTransitBackend(m.keys, createdAt);
  }
}

export async function indexWorld(source: VaultWorld, isSealed: () => boolean): Promise<StandinState> {
  // Shallow copy: top-level reassignments (audit devices) stay local; writes copy an object before
  // changing it, so the caller's world is never mutated. (A deep clone of 100k secrets takes seconds.)
  const world: VaultWorld = { ...source };
  const startedAt = new Date();
  const mounts = new Map<string, MountRecord>();
  const leaseTree = new PathTree();
  for (const lease of world.leases) leaseTree.add(lease.id);

  const state: StandinState = {
    world,
    startedAt,
    policies: await PolicyStore.load(world.policies),
    tokens: buildTokenIndex(world.tokens),
    mounts,
    leases: { byId: new Map(world.leases.map((l) => [l.id, l])), tree: leaseTree },
    isSealed,
  };

  const v = world.version;
  const add = (path: string, entry: Record<string, unknown>, backend: Backend, isAuth = false) =>
    mounts.set(path, { path, entry, backend, isAuth });
  const core = (type: string, description: string, extra: Partial<Parameters<typeof buildMountEntry>[0]> = {}) =>
    buildMountEntry({ type, description, accessor: stableAccessor(type, `${world.clusterId}:${type}`), vaultVersion: v, core: true, ...extra });

  add("cubbyhole/", core("cubbyhole", "per-token private secret storage", { local: true }), unsupportedBackend("cubbyhole"));
  add("identity/", core("identity", "identity store", { passthroughHeaders: ["Authorization"] }), createIdentityBackend(world.identityGroups, world.authMounts, startedAt.toISOString()));
  add("sys/", core("system", "system endpoints used for control, policy and debugging", { passthroughHeaders: ["Accept"] }), createSysBackend(state));
  for (const m of world.mounts) {
    const options = m.type === "kv" ? { version: String(m.version) } : null;
    add(`${trimSlashes(m.path)}/`, buildMountEntry({ type: m.type, accessor: m.accessor, description: m.description, vaultVersion: v, options }), secretBackend(m, startedAt.toISOString()));
  }
  add(
    "auth/token/",
    buildMountEntry({ type: "token", accessor: tokenMountAccessor(world.clusterId), description: "token based credentials", vaultVersion: v, isAuth: true, core: true }),
    createTokenBackend(startedAt),
    true,
  );
  for (const m of world.authMounts) {
    add(`auth/${trimSlashes(m.path)}/`, buildMountEntry({ type: m.type, accessor: m.accessor, description: m.description, vaultVersion: v, isAuth: true }), createAuthBackend(m), true);
  }
  return state;
}
