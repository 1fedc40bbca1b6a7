import "server-only";
/**
 * A GitHub webhook delivery: authenticated by its HMAC signature (never by a session), then used
 * only as a trigger. The pull request's state comes from the delivery for `pull_request` events;
 * approvals are re-read from GitHub (a review event names one reviewer, not all of them).
 * Every accepted delivery is written to the portal audit trail.
 */
import { appendPortalAudit } from "@/lib/audit-trail";
import type { DbClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { parsePullRequestEvent, verifyGithubSignature } from "./providers/github-webhook";
import type { ChangeProvider } from "./providers/types";
import { applyForgeEvent } from "./refresh-status";
import { findChangeRequestById, findChangeRequestsByPullRequest } from "./repository";

export const MAX_WEBHOOK_BYTES = 1_000_000;

export interface GithubWebhookInput {
  secret: string | undefined;
  repository: string | undefined;
  raw: Buffer;
  signature: string | null;
  eventName: string | null;
  deliveryId: string | null;
  ip: string | null;
}

export type WebhookOutcome = { status: 202; updated: number } | { status: 204 };

export async function receiveGithubWebhook(db: DbClient, provider: ChangeProvider, input: GithubWebhookInput): Promise<WebhookOutcome> {
  if (!input.secret) throw new AppError("not_found", { userMessage: "The GitHub webhook is not configured (GITHUB_WEBHOOK_SECRET)." });
  if (input.raw.length > MAX_WEBHOOK_BYTES) throw new AppError("payload_too_large", { userMessage: "Payload too large." });
  if (!verifyGithubSignature(input.secret, input.raw, input.signature)) throw new AppError("unauthenticated", { userMessage: "Bad or missing X-Hub-Signature-256." });
  let json: unknown;
  try {
    json = JSON.parse(input.raw.toString("utf8"));
  } catch {
    throw new AppError("invalid_request", { userMessage: "The payload is not JSON." });
  }
  const event = parsePullRequestEvent(input.eventName ?? "", json);
  if (!event || !input.repository || event.repository.toLowerCase() !== input.repository.toLowerCase()) return { status: 204 };

  let approvedBy: string[] | undefined;
  if (event.event === "pull_request_review") {
    const [match] = await findChangeRequestsByPullRequest(db, "github", event.number);
    const row = match ? await findChangeRequestById(db, match.id) : null;
    if (!row?.branch) return { status: 204 };
    approvedBy = (await provider.getStatus({ provider: "github", number: event.number, url: row.prUrl ?? "", branch: row.branch, commit: row.commit ?? "" })).approvedBy;
  }
  const { updated } = await applyForgeEvent(db, { provider: "github", number: event.number, ...(event.event === "pull_request" ? { state: event.state } : {}), ...(approvedBy ? { approvedBy } : {}) });
  await appendPortalAudit(db, {
    actorEmail: "github-webhook",
    action: "changes.webhook",
    target: `${input.repository}#${event.number}`,
    ip: input.ip,
    details: { event: event.event, delivery: input.deliveryId, updated },
  });
  return { status: 202, updated };
}
