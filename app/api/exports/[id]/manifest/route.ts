import { withApiAuth } from "@/lib/auth/guard";
import { exportContext, getExportManifest } from "@/lib/exports";

/** GET /api/exports/<export id>/manifest: the SHA-256 manifest recorded when the export completed. */
export const GET = withApiAuth<{ id: string }>("exports.create", async (_req, { user, params }) => {
  const manifest = await getExportManifest(await exportContext(user), params.id);
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${manifest.filename}.manifest.json"`,
      "cache-control": "no-store",
    },
  });
});
