/**
 * GitHub webhooks for change requests: signature check (X-Hub-Signature-256, HMAC-SHA256 of the
 * raw body, compared in constant time) and the two events that move a change request along.
 * A webhook is a hint, not the truth: deliveries can be late, repeated or out of order, so the
 * handler should refresh the change request with `provider.getStatus` rather than trust the payload.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { PullRequestState } from "./types";

/** True only for "sha256=<hex>" matching HMAC-SHA256(secret, rawBody). An empty secret never verifies. */
export function verifyGithubSignature(secret: string, rawBody: string | Uint8Array, header: string | null | undefined): boolean {
  if (!secret || !header) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(match[1], "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const repositorySchema = z.object({ full_name: z.string().min(3).max(200) });
const numberSchema = z.number().int().positive();

const pullRequestPayloadSchema = z.object({
  action: z.string().max(100),
  pull_request: z.object({
    number: numberSchema,
    state: z.enum(["open", "closed"]),
    merged: z.boolean().nullish(),
    merged_at: z.string().nullish(),
  }),
  repository: repositorySchema,
});

const reviewPayloadSchema = z.object({
  action: z.string().max(100),
  review: z.object({
    // Webhook payloads spell review states in lower case ("approved"); the REST API in upper case.
    state: z.string().max(50),
    user: z.object({ login: z.string().max(100) }).nullable(),
  }),
  pull_request: z.object({ number: numberSchema }),
  repository: repositorySchema,
});

export type GithubPullRequestEvent =
  | { event: "pull_request"; action: string; repository: string; number: number; state: PullRequestState }
  | {
      event: "pull_request_review";
      action: string;
      repository: string;
      number: number;
      reviewer: string | null;
      /** The reviewer when this event records an approval, else empty; getStatus has the full list. */
      approvedBy: string[];
    };

/**
 * Parses a delivery by its X-GitHub-Event name. Other events (ping, push, ...) give null; a
 * malformed `pull_request` or `pull_request_review` payload throws a ZodError (answer 400).
 */
export function parsePullRequestEvent(eventName: string | null | undefined, json: unknown): GithubPullRequestEvent | null {
  if (eventName === "pull_request") {
    const payload = pullRequestPayloadSchema.parse(json);
    const pr = payload.pull_request;
    const merged = pr.merged === true || Boolean(pr.merged_at);
    return {
      event: "pull_request",
      action: payload.action,
      repository: payload.repository.full_name,
      number: pr.number,
      state: pr.state === "open" ? "open" : merged ? "merged" : "closed",
    };
  }
  if (eventName === "pull_request_review") {
    const payload = reviewPayloadSchema.parse(json);
    const reviewer = payload.review.user?.login ?? null;
    const approved = payload.action !== "dismissed" && payload.review.state.toLowerCase() === "approved";
    return {
      event: "pull_request_review",
      action: payload.action,
      repository: payload.repository.full_name,
      number: payload.pull_request.number,
      reviewer,
      approvedBy: approved && reviewer ? [reviewer] : [],
    };
  }
  return null;
}
