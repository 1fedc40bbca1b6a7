import "server-only";
import { randomUUID } from "node:crypto";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { auditExport } from "./audit";
import { assertCan, nowOf, type ExportContext } from "./context";
import { DATASETS } from "./datasets";
import { encodeExportStream } from "./encode-stream";
import { snapshotExists } from "./repository-secrets";
import { exportRequestSchema, type ExportDatasetId, type ExportFilters, type ExportManifest, type ExportRequestInput } from "./schemas";

export interface OpenedExport {
  exportId: string;
  filename: string;
  contentType: string;
  stream: ReadableStream<Uint8Array>;
}

/** exports.create for every dataset; the portal audit trail also needs audit-trail.export. */
export function assertCanExport(ctx: ExportContext, dataset: ExportDatasetId): void {
  assertCan(ctx, "exports.create");
  if (dataset === "audit-trail") assertCan(ctx, "audit-trail.export");
}

export function exportFilename(dataset: string, filters: ExportFilters, at: Date, ext: string): string {
  const parts = [`radius-${dataset}`, filters.environment, filters.team, filters.from && `from-${filters.from}`, filters.to && `to-${filters.to}`, at.toISOString().slice(0, 19).replace(/[:T]/g, "")];
  return `${parts.filter(Boolean).join("-").toLowerCase().replace(/[^a-z0-9._-]+/g, "-")}.${ext}`;
}

/**
 * Opens a streamed CSV or JSON export. Permission checked and the export recorded in the audit
 * trail before the first byte; the stream hashes what it sends and records the manifest
 * (rows, bytes, SHA-256) when it ends. Rows come from one snapshot: if a sync prunes it while the
 * export runs, the stream fails rather than deliver a silently incomplete file.
 */
export async function openExport(ctx: ExportContext, input: ExportRequestInput): Promise<OpenedExport> {
  const request = exportRequestSchema.parse(input);
  if (request.format === "pdf") throw new Error("openExport streams CSV and JSON; the PDF is renderEvidencePack");
  assertCanExport(ctx, request.dataset);
  const { dataset: id, format, ...rest } = request;
  const filters: ExportFilters = { from: rest.from, to: rest.to, environment: rest.environment, team: rest.team };
  const dataset = DATASETS[id];
  const startedAt = nowOf(ctx);
  const exportId = randomUUID();
  const snapshotId = await getActiveSnapshotId(ctx.db);
  const filename = exportFilename(id, filters, startedAt, format);
  await auditExport(ctx, "exports.create", exportId, { dataset: id, format, filters, snapshotId, filename });
  const run = { ctx, snapshotId, filters };
  const batches = (async function* () {
    yield* dataset.batches(run);
    if (dataset.snapshot && snapshotId && !(await snapshotExists(ctx.db, snapshotId))) {
      throw new Error("the inventory snapshot was replaced while the export ran; export again");
    }
  })();
  const stream = encodeExportStream({
    format, columns: dataset.columns, batches,
    meta: { exportId, dataset: id, filters, snapshotId, generatedAt: startedAt.toISOString(), generatedBy: ctx.user.email },
    onComplete: async (summary) => {
      const manifest: ExportManifest = {
        exportId, dataset: id, format, filename, filters, snapshotId, actor: ctx.user.email,
        startedAt: startedAt.toISOString(), completedAt: new Date().toISOString(), algorithm: "SHA-256", ...summary,
      };
      await auditExport(ctx, "exports.complete", exportId, { manifest });
    },
    onError: async (error, summary) => {
      await auditExport(ctx, "exports.failed", exportId, { dataset: id, format, ...summary, error: (error instanceof Error ? error.message : String(error)).slice(0, 300) });
    },
  });
  return { exportId, filename, contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", stream };
}

/** How many rows an export will hold, for the progress bar (the checklist is small: 0 = unknown). */
export async function estimateExport(ctx: ExportContext, input: ExportRequestInput): Promise<{ rows: number }> {
  const request = exportRequestSchema.parse(input);
  assertCanExport(ctx, request.dataset);
  const snapshotId = await getActiveSnapshotId(ctx.db);
  return { rows: await DATASETS[request.dataset].count({ ctx, snapshotId, filters: request }) };
}
