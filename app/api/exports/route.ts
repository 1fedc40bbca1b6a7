import { withApiAuth } from "@/lib/auth/guard";
import { exportContext, exportRequestSchema, openExport, renderEvidencePack } from "@/lib/exports";
import { parseStrict } from "@/lib/inventory/search-params";

const attachment = (filename: string) => `attachment; filename="${filename}"`;

/**
 * GET /api/exports?dataset&format=csv|json|pdf&from&to&environment&team
 * CSV and JSON stream from the database; the PDF is the evidence pack (dataset ignored). The
 * export id in `x-radius-export-id` names the manifest at /api/exports/<id>/manifest.
 */
export const GET = withApiAuth("exports.create", async (req, { user }) => {
  const request = parseStrict(exportRequestSchema, req.nextUrl.searchParams);
  const ctx = await exportContext(user);
  const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (request.format === "pdf") {
    const pack = await renderEvidencePack(ctx, request);
    return new Response(new Uint8Array(pack.pdf), {
      headers: { ...headers, "content-type": "application/pdf", "content-disposition": attachment(pack.filename), "x-radius-export-id": pack.exportId, "x-radius-sha256": pack.manifest.sha256 },
    });
  }
  const opened = await openExport(ctx, request);
  return new Response(opened.stream, {
    headers: { ...headers, "content-type": opened.contentType, "content-disposition": attachment(opened.filename), "x-radius-export-id": opened.exportId },
  });
});
