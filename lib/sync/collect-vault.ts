/**
 * The authority plane: every configured Vault cluster, token write gate first (DESIGN.md
 * invariant 1). All clusters are checked before any inventory is read, so a write-capable token
 * on any of them stops the sync before it reads anything else.
 */
// Deep imports on purpose: lib/sources/vault/index.ts imports "server-only", which cannot load
// outside Next's react-server build (the scheduler in instrumentation.ts, scripts run with tsx).
import { collectVaultInventory, readVaultMountTables, type VaultInventory } from "@/lib/sources/vault/collect-inventory";
import { checkTokenCannotWrite } from "@/lib/sources/vault/token-write-check";
import type { CollectProgress } from "@/lib/sources/vault/collect-context";
import type { VaultReader } from "@/lib/vault";

/** The token could change Vault: the sync refuses, loudly. */
export class WriteCapableTokenError extends Error {
  constructor(readonly address: string, readonly cluster: string, readonly writable: { path: string; capabilities: string[] }[]) {
    const shown = writable.slice(0, 10).map((w) => `${w.path} (${w.capabilities.join(", ")})`).join("; ");
    const more = writable.length > 10 ? ` and ${writable.length - 10} more` : "";
    super(
      `Refusing to sync: the Vault token for ${cluster === address ? address : `${cluster} (${address})`} can write to ${shown}${more}. ` +
        "Radius never writes to Vault; give it a read-only token (see the radius-readonly policy).",
    );
    this.name = "WriteCapableTokenError";
  }
}

export interface CollectVaultOptions {
  addresses: readonly string[];
  createReader: (address: string) => VaultReader;
  concurrency: number;
  onCheck?: (done: number, total: number) => Promise<void>;
  onProgress?: (cluster: string, p: CollectProgress) => void;
}

export async function collectVault(options: CollectVaultOptions): Promise<VaultInventory[]> {
  const gated: { reader: VaultReader; cluster: string }[] = [];
  for (const address of options.addresses) {
    const reader = options.createReader(address);
    const tables = await readMountTablesOrRefuse(reader, address);
    const check = await checkTokenCannotWrite(reader, tables);
    if (!check.ok) throw new WriteCapableTokenError(address, tables.cluster, check.writable);
    if (gated.some((g) => g.cluster === tables.cluster)) {
      throw new Error(`Two Vault addresses report the same cluster name "${tables.cluster}"; keys would collide. List each cluster once in VAULT_ADDR.`);
    }
    gated.push({ reader, cluster: tables.cluster });
    await options.onCheck?.(gated.length, options.addresses.length);
  }
  const inventories: VaultInventory[] = [];
  for (const { reader, cluster } of gated) {
    inventories.push(await collectVaultInventory(reader, { cluster, concurrency: options.concurrency, onProgress: (p) => options.onProgress?.(cluster, p) }));
  }
  return inventories;
}

/**
 * A token that cannot read sys/mounts may still write elsewhere (sys/policies/acl/*...): probe the
 * mount-independent write surfaces before reporting "unavailable", so such a token is refused as
 * what it is.
 */
async function readMountTablesOrRefuse(reader: VaultReader, address: string) {
  try {
    return await readVaultMountTables(reader);
  } catch (error) {
    const check = await checkTokenCannotWrite(reader, { mounts: [], authMounts: [] }).catch(() => null);
    if (check && !check.ok) throw new WriteCapableTokenError(address, address, check.writable);
    throw error;
  }
}
