import { getConfig } from "@/lib/config";
import { appChangeProvider } from "@/lib/changes";
import { MAX_WEBHOOK_BYTES, receiveGithubWebhook } from "@/lib/changes/receive-github-webhook";
import { db } from "@/lib/db/client";
import { toHttpResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * GitHub pull_request and pull_request_review deliveries. No session here: the delivery proves
 * itself with X-Hub-Signature-256 (HMAC of the raw body with GITHUB_WEBHOOK_SECRET); anything
 * unsigned or mis-signed gets 401 before the body is parsed.
 */
export async function POST(req: Request): Promise<Response> {
  try {
    if (Number(req.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) return Response.json({ error: { code: "payload_too_large", message: "Payload too large." } }, { status: 413 });
    const config = getConfig();
    const outcome = await receiveGithubWebhook(db, appChangeProvider(), {
      secret: config.GITHUB_WEBHOOK_SECRET,
      repository: config.GITHUB_REPOSITORY,
      raw: Buffer.from(await req.arrayBuffer()),
      signature: req.headers.get("x-hub-signature-256"),
      eventName: req.headers.get("x-github-event"),
      deliveryId: req.headers.get("x-github-delivery"),
      ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
    });
    return outcome.status === 204 ? new Response(null, { status: 204 }) : Response.json({ updated: outcome.updated }, { status: 202 });
  } catch (error) {
    return toHttpResponse(error);
  }
}
