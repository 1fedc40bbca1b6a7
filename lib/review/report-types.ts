/** One decision as the campaign report lists it (CSV and PDF): a decision row without the viewer's parts. Safe for the client. */
import type { DecisionRow } from "./types";

export type ReportRow = Omit<DecisionRow, "id" | "rulePath" | "revocationError" | "canDecide" | "selfReviewWarning">;
