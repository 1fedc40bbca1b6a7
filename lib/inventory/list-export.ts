import "server-only";
import { assertCan, type InventoryContext } from "./context";
import { listIdentities } from "./identity-service";
import { listPolicies } from "./policy-service";
import type { IdentityListParams, PolicyListParams, WorkloadListParams } from "./schemas";
import { listWorkloads } from "./workload-service";
import type { PageOf } from "./types";

/**
 * CSV of the identity, workload and policy lists: the list use case page after page (200 rows at a
 * time), so the export sees exactly what the page shows, permission check included. These lists
 * are 10,000-20,000 rows at most; the 100,000-row secrets export has its own batched path.
 */
async function* allPages<P extends { page: number; pageSize: number }, T>(params: P, fetch: (p: P) => Promise<PageOf<T>>): AsyncGenerator<T[]> {
  for (let page = 1; page <= 10_000; page++) {
    const result = await fetch({ ...params, page, pageSize: 200 });
    if (result.rows.length > 0) yield result.rows;
    if (result.rows.length < 200) return;
  }
}

// Permission checked up front, so a forbidden caller gets a 403 rather than a cut-off stream.
export function openIdentityExport(ctx: InventoryContext, params: IdentityListParams) {
  assertCan(ctx, "identities.read");
  return allPages(params, (p) => listIdentities(ctx, p));
}
export function openWorkloadExport(ctx: InventoryContext, params: WorkloadListParams) {
  assertCan(ctx, "workloads.read");
  return allPages(params, (p) => listWorkloads(ctx, p));
}
export function openPolicyExport(ctx: InventoryContext, params: PolicyListParams) {
  assertCan(ctx, "policies.read");
  return allPages(params, (p) => listPolicies(ctx, p));
}
