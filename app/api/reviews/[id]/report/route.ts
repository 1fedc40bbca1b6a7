import { withApiAuth } from "@/lib/auth/guard";
import { getRequestContext } from "@/lib/auth/request-context";
import { csvResponse, csvStream } from "@/lib/inventory/csv";
import { parseStrict } from "@/lib/inventory/search-params";
import { openReviewReport, pdfResponse, REVIEW_REPORT_CSV, reviewContext, reviewReportPdf } from "@/lib/review";
import { reportFormatSchema } from "@/lib/review/schemas";

/** GET /api/reviews/<id>/report?format=csv|pdf: every decision, streamed (security, compliance, admin). */
export const GET = withApiAuth<{ id: string }>("reviews.read", async (req, { user, params }) => {
  const { format } = parseStrict(reportFormatSchema, req.nextUrl.searchParams);
  const report = await openReviewReport(reviewContext(user, await getRequestContext()), params.id, format);
  const filename = `access-review-${report.campaign.name}-${report.campaign.id.slice(0, 8)}`;
  if (format === "pdf") return pdfResponse(reviewReportPdf(report.campaign, report.generatedAt, report.rows), filename);
  return csvResponse(csvStream(REVIEW_REPORT_CSV, report.rows), filename);
});
