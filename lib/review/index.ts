// The review capability's public surface for app/ (pages, route handlers, actions) and for the
// scheduler. Server-only parts import "server-only"; schemas.ts, types.ts, report-types.ts,
// report-csv.ts and evidence.ts are safe anywhere; the forms' actions are in ./actions.
export { createCampaign } from "./create-campaign";
export { listCampaigns, getCampaign, listDecisions, getScopeOptions, CAMPAIGNS_PER_PAGE } from "./read-campaigns";
export { decideGrant, retryRevocation } from "./decide-grant";
export { closeCampaign } from "./close-campaign";
export { sendReviewReminders, REMINDER_ACTOR, type ReviewReminder, type SendRemindersOptions } from "./send-reminders";
export { openReviewReport, type ReviewReport } from "./report";
export { reviewReportPdf, pdfResponse } from "./report-pdf";
export { REVIEW_REPORT_CSV } from "./report-csv";
export { reviewContext, REVOCATION_PULL_REQUESTS } from "./app-context";
export { requireReviewsPage } from "./page-access";
export { selfReviewReason } from "./self-review";
export { assignReviewers, staticDirectory, teamGroup, type ReviewerDirectory, type ReviewerCandidate } from "./directory";
export type { ReviewContext } from "./context";
export type { RevocationOpener, RevocationRequest, RevocationOutcome } from "./revocation";
export type * from "./types";
export type { ReportRow } from "./report-types";
