import "server-only";
import PDFDocument from "pdfkit";
import { evidenceLabel } from "./evidence";
import type { ReportRow } from "./report-types";
import type { CampaignSummary, Progress } from "./types";

/**
 * The campaign report as a PDF (pdfkit, standard Helvetica: no font files to ship). Streamed: each
 * pull writes one batch of decisions, and pdfkit emits finished pages as it goes, so a campaign of
 * 100,000 decisions is never held in memory as one document.
 */

export interface PdfCampaign extends Pick<CampaignSummary, "id" | "name" | "scope" | "status" | "createdBy" | "createdAt" | "dueAt" | "closedAt" | "closedBy"> {
  progress: Progress;
  snapshotId: string | null;
}

// The standard fonts cover WinAnsi only: anything else becomes "?" rather than a broken glyph.
const printable = (text: string): string => text.replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, "?");

const scopeText = (scope: PdfCampaign["scope"]): string =>
  Object.entries(scope).filter(([, v]) => v).map(([k, v]) => `${k} = ${v}`).join(", ") || "every grant";

function writeHeader(doc: PDFKit.PDFDocument, c: PdfCampaign, generatedAt: string): void {
  doc.font("Helvetica-Bold").fontSize(16).text("Access review report");
  doc.font("Helvetica").fontSize(12).text(printable(c.name));
  doc.moveDown(0.5).fontSize(9);
  const p = c.progress;
  const lines = [
    `Campaign ${c.id} (${c.status}${c.closedAt ? `, closed ${c.closedAt} by ${c.closedBy ?? "?"}` : ""})`,
    `Scope: ${scopeText(c.scope)}`,
    `Created by ${c.createdBy} at ${c.createdAt}; deadline ${c.dueAt ?? "none"}; inventory snapshot ${c.snapshotId ?? "?"}`,
    `Decisions: ${p.total} (kept ${p.kept}, revoked ${p.revoked}, pending ${p.pending}; ${p.percent}% complete)`,
    `Generated ${generatedAt} by Radius`,
  ];
  for (const line of lines) doc.text(printable(line));
  doc.moveDown(1);
}

function writeRow(doc: PDFKit.PDFDocument, r: ReportRow): void {
  const outcome = r.outcome === "pending" ? "PENDING" : r.outcome === "keep" ? "KEEP" : "REVOKE";
  doc.font("Helvetica-Bold").fontSize(9).text(printable(`${outcome}  ${r.secretKey}`));
  doc.font("Helvetica").fontSize(8);
  doc.text(printable(`Identity ${r.identityKey}; ${r.capabilities.join(", ") || "no capabilities"}; policy ${r.policyName ?? "?"}; team ${r.ownerTeam ?? "none"}`));
  const who = r.outcome === "pending"
    ? `Not decided; assigned to ${r.assignedTo.join(", ") || "nobody"}`
    : `Decided by ${r.reviewerName ? `${r.reviewerName} <${r.reviewer}>` : r.reviewer} at ${r.decidedAt}${r.selfReview ? "; SELF-REVIEW" : ""}`;
  doc.text(printable(`${who}. Evidence: ${evidenceLabel(r.evidence)}`));
  if (r.justification) doc.text(printable(`Justification: ${r.justification}`));
  if (r.outcome === "revoke") doc.text(printable(`Revocation: ${r.revocationStatus ?? "pending"}${r.revocationChangeId ? ` (change ${r.revocationChangeId})` : ""}`));
  doc.moveDown(0.6);
}

export function reviewReportPdf(campaign: PdfCampaign, generatedAt: string, batches: AsyncIterable<ReportRow[]>): ReadableStream<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    info: { Title: printable(`Access review: ${campaign.name}`), Author: "Radius", Subject: `Review ${campaign.id}`, CreationDate: new Date(generatedAt) },
  });
  const iterator = batches[Symbol.asyncIterator]();
  let ended: Promise<void> | null = null;
  let rows = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      doc.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
      ended = new Promise<void>((resolve) => doc.on("end", () => {
        controller.close();
        resolve();
      }));
      doc.on("error", (error: unknown) => controller.error(error));
      writeHeader(doc, campaign, generatedAt);
    },
    async pull() {
      if (rows < 0) return ended ?? undefined;
      const next = await iterator.next();
      if (next.done) {
        if (rows === 0) doc.font("Helvetica").fontSize(9).text("This campaign has no decisions.");
        rows = -1;
        doc.end();
        return ended ?? undefined;
      }
      for (const row of next.value) writeRow(doc, row);
      rows += next.value.length;
      // Let pdfkit's chunks reach the queue, so the stream's backpressure sees them before the next pull.
      await new Promise((resolve) => setImmediate(resolve));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

export function pdfResponse(stream: ReadableStream<Uint8Array>, filename: string): Response {
  const safe = filename.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "review";
  return new Response(stream, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${safe}.pdf"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
