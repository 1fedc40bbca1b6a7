/**
 * Webhook deliveries as GitHub sends them: POST with the JSON payload, X-GitHub-Event,
 * X-GitHub-Delivery and X-Hub-Signature-256 ("sha256=" + HMAC-SHA256 of the raw body with the
 * hook's secret). Deliveries are fire-and-forget for the caller, sent one at a time in order; `drain` waits for them.
 */
import { createHmac, randomUUID } from "node:crypto";

export interface GithubWebhookTarget {
  url: string;
  secret: string;
}

export interface GithubWebhookDelivery {
  id: string;
  event: string;
  action: string | null;
  url: string;
  /** Response status, or null when the target could not be reached. */
  status: number | null;
  error: string | null;
}

export class GithubWebhooks {
  readonly deliveries: GithubWebhookDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly targets: GithubWebhookTarget[]) {}

  emit(event: string, payload: Record<string, unknown>): void {
    for (const target of this.targets) {
      const delivery: GithubWebhookDelivery = {
        id: randomUUID(),
        event,
        action: typeof payload.action === "string" ? payload.action : null,
        url: target.url,
        status: null,
        error: null,
      };
      this.deliveries.push(delivery);
      const raw = JSON.stringify(payload);
      const signature = `sha256=${createHmac("sha256", target.secret).update(raw).digest("hex")}`;
      // One delivery at a time, in order: tests can rely on the sequence (GitHub does not promise it).
      const sent = this.last
        .then(() =>
          fetch(target.url, {
            method: "POST",
            headers: {
              "Content-Type": "application/json",
              "User-Agent": "GitHub-Hookshot/standin",
              "X-GitHub-Event": event,
              "X-GitHub-Delivery": delivery.id,
              "X-Hub-Signature-256": signature,
            },
            body: raw,
            signal: AbortSignal.timeout(10_000),
          }),
        )
        .then(async (res) => {
          delivery.status = res.status;
          await res.arrayBuffer();
        })
        .catch((error: unknown) => {
          delivery.error = error instanceof Error ? error.message : String(error);
        })
        .finally(() => this.pending.delete(sent));
      this.last = sent;
      this.pending.add(sent);
    }
  }

  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
