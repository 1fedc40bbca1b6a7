import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { auditExport } from "../audit";
import { nowOf, type ExportContext } from "../context";
import { assertCanExport, exportFilename } from "../service";
import { exportFiltersSchema, type ExportFiltersInput, type ExportManifest } from "../schemas";
import { renderPdf } from "./render-pdf";
import { gatherEvidence, hashSections } from "./sections";

export interface EvidencePack {
  exportId: string;
  filename: string;
  pdf: Buffer;
  manifest: ExportManifest;
}

/**
 * The PDF evidence pack (exports.create). Bounded by design (summary figures, the checklist and
 * 25-row tables), so it is rendered in memory; recorded in the audit trail before and after.
 */
export async function renderEvidencePack(ctx: ExportContext, input: ExportFiltersInput): Promise<EvidencePack> {
  assertCanExport(ctx, "checklist");
  const filters = exportFiltersSchema.parse(input);
  const startedAt = nowOf(ctx);
  const exportId = randomUUID();
  const snapshotId = await getActiveSnapshotId(ctx.db);
  const filename = exportFilename("evidence-pack", filters, startedAt, "pdf");
  await auditExport(ctx, "exports.create", exportId, { dataset: "evidence-pack", format: "pdf", filters, snapshotId, filename });
  try {
    const data = await gatherEvidence(ctx, snapshotId, filters);
    const sections = hashSections(data).map(({ title, sha256, rows }) => ({ title, sha256, rows }));
    const pdf = await renderPdf({ exportId, generatedAt: startedAt, generatedBy: ctx.user.email, snapshotId, filters }, data, sections);
    const manifest: ExportManifest = {
      exportId, dataset: "evidence-pack", format: "pdf", filename, filters, snapshotId, actor: ctx.user.email,
      startedAt: startedAt.toISOString(), completedAt: new Date().toISOString(), rows: data.checklist.items.length, bytes: pdf.byteLength,
      algorithm: "SHA-256", sha256: createHash("sha256").update(pdf).digest("hex"), sections,
    };
    await auditExport(ctx, "exports.complete", exportId, { manifest });
    return { exportId, filename, pdf, manifest };
  } catch (error) {
    await auditExport(ctx, "exports.failed", exportId, { dataset: "evidence-pack", format: "pdf", error: (error instanceof Error ? error.message : String(error)).slice(0, 300) }).catch(() => undefined);
    throw error;
  }
}
