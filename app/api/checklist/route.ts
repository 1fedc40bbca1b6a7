import { withApiAuth } from "@/lib/auth/guard";
import { checklistContext, getChecklist } from "@/lib/checklist";
import { jsonResponse } from "@/lib/inventory/responses";

/** GET /api/checklist: the ten items with status, summary, evidence and attestation. */
export const GET = withApiAuth("checklist.read", async (_req, { user }) => jsonResponse(await getChecklist(checklistContext(user))));
