/**
 * Test wiring only (imported by *.test.ts): the demo generator's world served by the Vault
 * stand-in, and the portal's real reader pointed at it.
 */
/* eslint-disable import/no-restricted-paths -- tests talk to the stand-in, as the demo run does */
import { DEMO_CANARY_PREFIX, DEMO_TOKENS, generateDemoOrganisation } from "@/lib/demo/generator";
import { startVaultStandin, type VaultStandin } from "@/lib/demo/vault-standin";
import type { VaultWorld } from "@/lib/demo/vault-world";
/* eslint-enable import/no-restricted-paths */
import { createVaultReader, type VaultReader } from "@/lib/vault";

export { DEMO_CANARY_PREFIX, DEMO_TOKENS };
export const NOW = new Date("2025-06-01T12:00:00Z");

export function demoOrganisation(seed = 1) {
  return generateDemoOrganisation({ seed, scale: 1, now: NOW });
}

export interface Cluster {
  standin: VaultStandin;
  reader: VaultReader;
  world: VaultWorld;
}

/** Retries without real back-off so fault tests stay fast. */
export async function startCluster(world: VaultWorld, token: string = DEMO_TOKENS.readonly): Promise<Cluster> {
  const standin = await startVaultStandin({ world, port: 0 });
  const reader = createVaultReader({ address: standin.url, token, backoffMs: () => 1, timeoutMs: 5_000 });
  return { standin, reader, world };
}

export function readerFor(cluster: Cluster, token: string): VaultReader {
  return createVaultReader({ address: cluster.standin.url, token, backoffMs: () => 1, timeoutMs: 5_000 });
}

/** The world's secrets as "<mount>/<path>" in the inventory's terms (kv-v2, database, aws). */
export function worldSecretPaths(world: VaultWorld): string[] {
  return world.mounts.flatMap((m) => {
    if (m.type === "kv") return m.secrets.map((s) => `${m.path}/${s.path}`);
    if (m.type === "database") return [...m.roles.map((r) => `${m.path}/creds/${r.name}`), ...m.staticRoles.map((r) => `${m.path}/static-creds/${r.name}`)];
    if (m.type === "aws") return m.roles.map((r) => `${m.path}/creds/${r.name}`);
    return [];
  });
}
