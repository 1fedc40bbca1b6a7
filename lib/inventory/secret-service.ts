import "server-only";
import { activeSnapshot, assertCan, type InventoryContext } from "./context";
import type { SecretListParams } from "./schemas";
import { findSecretFacets, findSecretPage, iterateSecrets } from "./secret-repository";
import type { SecretFacets, SecretList, SecretRow } from "./types";

const EMPTY_FACETS: SecretFacets = { mounts: [], environments: [], teams: [], engines: [], classifications: [] };

// Snapshots are immutable, so their facets can be cached for the life of the process; a few
// entries are enough (the active snapshot and the one before it during a switch).
const facetCache = new Map<string, Promise<SecretFacets>>();

function cachedFacets(ctx: InventoryContext, snapshotId: string): Promise<SecretFacets> {
  let entry = facetCache.get(snapshotId);
  if (!entry) {
    entry = findSecretFacets(ctx.db, snapshotId);
    entry.catch(() => facetCache.delete(snapshotId));
    facetCache.set(snapshotId, entry);
    while (facetCache.size > 4) facetCache.delete(facetCache.keys().next().value as string);
  }
  return entry;
}

export async function listSecrets(ctx: InventoryContext, params: SecretListParams): Promise<SecretList> {
  assertCan(ctx, "secrets.read");
  const snapshotId = await activeSnapshot(ctx);
  if (!snapshotId) return { snapshot: null, facets: EMPTY_FACETS, rows: [], page: params.page, pageSize: params.pageSize, total: 0, totalCapped: false };
  const [page, facets] = await Promise.all([findSecretPage(ctx.db, snapshotId, params), cachedFacets(ctx, snapshotId)]);
  return { snapshot: { id: snapshotId }, facets, page: params.page, pageSize: params.pageSize, ...page };
}

/**
 * Every secret matching the filter, in display order, for CSV. A bulk copy of the inventory is an
 * export, so it needs "secrets.export" on top of reading; checked here, before any byte is streamed.
 */
export async function openSecretExport(ctx: InventoryContext, params: SecretListParams): Promise<AsyncGenerator<SecretRow[]>> {
  assertCan(ctx, "secrets.read");
  assertCan(ctx, "secrets.export");
  const snapshotId = await activeSnapshot(ctx);
  return (async function* () {
    if (snapshotId) yield* iterateSecrets(ctx.db, snapshotId, params);
  })();
}
