import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { startGithubStandin } from "@/lib/demo/forge-standin";
import { createGithubProvider } from "./github";
import { parsePullRequestEvent, verifyGithubSignature } from "./github-webhook";

const SECRET = "webhook-secret-1";
const sign = (body: string, secret = SECRET) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
const repository = { full_name: "acme/infra" };

describe("verifyGithubSignature", () => {
  const body = JSON.stringify({ action: "opened", number: 1 });

  it("accepts the signature GitHub computes over the raw body", () => {
    expect(verifyGithubSignature(SECRET, body, sign(body))).toBe(true);
    expect(verifyGithubSignature(SECRET, Buffer.from(body), sign(body).toUpperCase().replace("SHA256=", "sha256="))).toBe(true);
  });

  it("rejects a signature made with another secret", () => {
    expect(verifyGithubSignature(SECRET, body, sign(body, "another-secret"))).toBe(false);
  });

  it("rejects a tampered body", () => {
    const tampered = body.replace('"opened"', '"closed"');
    expect(verifyGithubSignature(SECRET, tampered, sign(body))).toBe(false);
    expect(verifyGithubSignature(SECRET, `${body} `, sign(body))).toBe(false);
  });

  it("rejects missing, malformed, truncated and SHA-1 headers, and an empty secret", () => {
    const good = sign(body);
    for (const header of [null, undefined, "", "sha256=", good.slice(0, -2), good.replace("sha256=", "sha1="), `sha1=${"0".repeat(40)}`, `${good}00`, "sha256=zz"]) {
      expect(verifyGithubSignature(SECRET, body, header)).toBe(false);
    }
    expect(verifyGithubSignature("", body, sign(body, ""))).toBe(false);
  });
});

describe("parsePullRequestEvent", () => {
  const pr = (state: "open" | "closed", merged: boolean) => ({ number: 7, state, merged, merged_at: merged ? "2026-01-02T03:04:05Z" : null });

  it("maps pull_request actions to open, merged and closed", () => {
    expect(parsePullRequestEvent("pull_request", { action: "opened", number: 7, pull_request: pr("open", false), repository })).toEqual({
      event: "pull_request",
      action: "opened",
      repository: "acme/infra",
      number: 7,
      state: "open",
    });
    expect(parsePullRequestEvent("pull_request", { action: "closed", pull_request: pr("closed", true), repository })).toMatchObject({ state: "merged" });
    expect(parsePullRequestEvent("pull_request", { action: "closed", pull_request: pr("closed", false), repository })).toMatchObject({ state: "closed" });
    expect(parsePullRequestEvent("pull_request", { action: "reopened", pull_request: pr("open", false), repository })).toMatchObject({ state: "open" });
  });

  it("reports the approving reviewer of a pull_request_review", () => {
    const review = (action: string, state: string) => ({ action, review: { state, user: { login: "alice" } }, pull_request: { number: 7 }, repository });
    expect(parsePullRequestEvent("pull_request_review", review("submitted", "approved"))).toEqual({
      event: "pull_request_review",
      action: "submitted",
      repository: "acme/infra",
      number: 7,
      reviewer: "alice",
      approvedBy: ["alice"],
    });
    expect(parsePullRequestEvent("pull_request_review", review("submitted", "commented"))).toMatchObject({ approvedBy: [] });
    expect(parsePullRequestEvent("pull_request_review", review("submitted", "changes_requested"))).toMatchObject({ approvedBy: [] });
    expect(parsePullRequestEvent("pull_request_review", review("dismissed", "approved"))).toMatchObject({ approvedBy: [], reviewer: "alice" });
  });

  it("ignores other events and rejects malformed payloads of the two it handles", () => {
    expect(parsePullRequestEvent("ping", { zen: "Keep it logically awesome." })).toBeNull();
    expect(parsePullRequestEvent("push", { ref: "refs/heads/main" })).toBeNull();
    expect(parsePullRequestEvent(null, {})).toBeNull();
    expect(() => parsePullRequestEvent("pull_request", { action: "opened", pull_request: { number: "7" }, repository })).toThrow(ZodError);
    expect(() => parsePullRequestEvent("pull_request_review", { action: "submitted", repository })).toThrow(ZodError);
  });
});

describe("webhooks delivered by the GitHub stand-in", () => {
  it("verify and parse end to end: opened, approved, merged", async () => {
    const received: { event: string; ok: boolean; parsed: ReturnType<typeof parsePullRequestEvent> }[] = [];
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks);
        const event = String(req.headers["x-github-event"]);
        const ok = verifyGithubSignature(SECRET, raw, req.headers["x-hub-signature-256"] as string | undefined);
        received.push({ event, ok, parsed: parsePullRequestEvent(event, JSON.parse(raw.toString("utf8"))) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/github`;
    const standin = await startGithubStandin({
      repository: "acme/infra",
      users: [
        { login: "radius-bot", token: "t-bot" },
        { login: "alice", token: "t-alice" },
      ],
      webhooks: [{ url: hookUrl, secret: SECRET }],
    });
    try {
      const github = createGithubProvider({ token: "t-bot", repository: "acme/infra", apiUrl: standin.url });
      const ref = await github.openPullRequest({
        branch: "radius/secret.create/x1",
        base: "main",
        title: "Create kv/payments/api-key",
        body: "body",
        files: [{ path: "secrets/api-key.tf", before: null, after: "# new\n" }],
        commitMessage: "radius: create kv/payments/api-key",
        labels: [],
        reviewers: [],
        draft: false,
        author: { name: "Dana", email: "dana@example.com" },
      });
      await standin.approvePullRequest(ref.number, "alice");
      await standin.mergePullRequest(ref.number, "alice");
      await standin.drainWebhooks();

      expect(received.every((r) => r.ok)).toBe(true);
      expect(received.map((r) => r.parsed)).toEqual([
        { event: "pull_request", action: "opened", repository: "acme/infra", number: ref.number, state: "open" },
        { event: "pull_request_review", action: "submitted", repository: "acme/infra", number: ref.number, reviewer: "alice", approvedBy: ["alice"] },
        { event: "pull_request", action: "closed", repository: "acme/infra", number: ref.number, state: "merged" },
      ]);
      expect(standin.webhookDeliveries.map((d) => d.status)).toEqual([204, 204, 204]);
    } finally {
      await standin.close();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
