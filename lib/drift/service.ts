import "server-only";
import { activeSnapshot, assertCanAny, type DriftContext } from "./context";
import { countDriftByKindAndStatus, findComparison, findDriftPage, type DriftItemRecord } from "./repository";
import { driftComparedSchema, driftDifferencesSchema, type DriftListParams } from "./schemas";
import { emptyCounts, summariseDrift } from "./summarise-drift";
import { DRIFT_KINDS, DRIFT_STATUSES, type DriftComparisonRecord, type DriftKind, type DriftList, type DriftRow, type DriftStatus, type DriftSummary } from "./types";

type Comparison = (DriftComparisonRecord & { comparedAt: string }) | null;

async function loadComparison(ctx: DriftContext, snapshotId: string): Promise<Comparison> {
  const row = await findComparison(ctx.db, snapshotId);
  if (!row) return null;
  const compared = driftComparedSchema.safeParse(row.compared ?? {});
  return {
    cluster: row.cluster, commit: row.commit, comparedAt: row.createdAt.toISOString(),
    compared: compared.success ? compared.data : { policy: 0, "auth-role": 0, mount: 0 },
  };
}

/**
 * Counts per kind and status with a verdict: pass (nothing drifts), fail, or unknown (Terraform
 * not compared). Readable with drift.read, and with checklist.read because the "Vault config in
 * Git" checklist item shows this verdict to every role: it holds counts, never resource names.
 */
export async function getDriftSummary(ctx: DriftContext): Promise<DriftSummary> {
  assertCanAny(ctx, "drift.read", "checklist.read");
  const snapshotId = await activeSnapshot(ctx);
  if (!snapshotId) return summariseDrift(null, null, emptyCounts());
  const [comparison, rows] = await Promise.all([loadComparison(ctx, snapshotId), countDriftByKindAndStatus(ctx.db, snapshotId)]);
  const counts = emptyCounts();
  for (const r of rows) {
    if ((DRIFT_KINDS as readonly string[]).includes(r.kind) && (DRIFT_STATUSES as readonly string[]).includes(r.status)) counts[r.kind as DriftKind][r.status as DriftStatus] = r.n;
  }
  return summariseDrift({ id: snapshotId }, comparison, counts);
}

function toRow(r: DriftItemRecord): DriftRow {
  const differences = driftDifferencesSchema.safeParse(r.differences);
  const kind = r.kind as DriftKind;
  const status = r.status as DriftStatus;
  return {
    cluster: r.cluster, kind, name: r.name, status, explanation: r.explanation,
    differences: differences.success ? differences.data : [],
    terraform: r.terraform_file ? { file: r.terraform_file, line: r.terraform_line, address: r.terraform_address } : null,
    commit: r.commit,
    codifiable: kind === "policy" && status === "vault-only",
  };
}

/** Drifted resources of the active snapshot, filtered, sorted and paginated in SQL. */
export async function listDrift(ctx: DriftContext, params: DriftListParams): Promise<DriftList> {
  assertCanAny(ctx, "drift.read");
  const snapshotId = await activeSnapshot(ctx);
  if (!snapshotId) return { snapshot: null, comparison: null, rows: [], page: params.page, pageSize: params.pageSize, total: 0, totalCapped: false };
  const [comparison, page] = await Promise.all([loadComparison(ctx, snapshotId), findDriftPage(ctx.db, snapshotId, params)]);
  return { snapshot: { id: snapshotId }, comparison, rows: page.rows.map(toRow), page: params.page, pageSize: params.pageSize, total: page.total, totalCapped: page.totalCapped };
}

/**
 * CSV of the list: the list use case page after page (200 rows at a time), so the export sees
 * exactly what the page shows. Permission checked up front: a forbidden caller gets a 403, not a
 * cut-off stream.
 */
export function openDriftExport(ctx: DriftContext, params: DriftListParams): AsyncGenerator<DriftRow[]> {
  assertCanAny(ctx, "drift.read");
  return (async function* () {
    for (let page = 1; page <= 10_000; page++) {
      const result = await listDrift(ctx, { ...params, page, pageSize: 200 });
      if (result.rows.length > 0) yield result.rows;
      if (result.rows.length < 200) return;
    }
  })();
}
