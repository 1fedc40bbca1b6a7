import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import type { ChangeProvider } from "./providers/types";
import { receiveGithubWebhook } from "./receive-github-webhook";

const SECRET = "webhook-secret-0123456789";
const repository = { full_name: "acme/infra" };
const sign = (raw: Buffer, secret = SECRET) => `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
const closedMerged = Buffer.from(JSON.stringify({ action: "closed", number: 12, pull_request: { number: 12, state: "closed", merged: true, merged_at: "2026-12-04T08:00:00Z" }, repository }));
// pull_request events carry their state: the forge is not asked (a call would be a bug).
const noForge = { name: "github", getStatus: () => Promise.reject(new Error("not expected")) } as unknown as ChangeProvider;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.changeRequest.create({ data: { kind: "access.grant", requesterEmail: "alice@example.com", reason: "needed for PAY-1", payload: {}, provider: "github", prNumber: 12, branch: "radius/x", status: "submitted" } });
});
afterAll(() => t.drop());

const input = (raw: Buffer, signature: string | null, over: Partial<Parameters<typeof receiveGithubWebhook>[2]> = {}) => ({
  secret: SECRET, repository: "acme/infra", raw, signature, eventName: "pull_request", deliveryId: "d-1", ip: "192.0.2.1", ...over,
});

describe("GitHub webhook", () => {
  it("refuses unsigned, mis-signed and tampered deliveries and changes nothing", async () => {
    await expect(receiveGithubWebhook(t.prisma, noForge, input(closedMerged, null))).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(receiveGithubWebhook(t.prisma, noForge, input(closedMerged, sign(closedMerged, "another-secret-0123456")))).rejects.toMatchObject({ code: "unauthenticated" });
    const tampered = Buffer.from(closedMerged.toString().replace("12", "13"));
    await expect(receiveGithubWebhook(t.prisma, noForge, input(tampered, sign(closedMerged)))).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await t.prisma.changeRequest.findFirstOrThrow({ where: { prNumber: 12 } })).status).toBe("submitted");
  });

  it("ignores other repositories and events", async () => {
    expect(await receiveGithubWebhook(t.prisma, noForge, input(closedMerged, sign(closedMerged), { repository: "acme/other" }))).toEqual({ status: 204 });
    const ping = Buffer.from(JSON.stringify({ zen: "hi", repository }));
    expect(await receiveGithubWebhook(t.prisma, noForge, input(ping, sign(ping), { eventName: "ping" }))).toEqual({ status: 204 });
  });

  it("marks the change merged on a signed delivery and audits it", async () => {
    expect(await receiveGithubWebhook(t.prisma, noForge, input(closedMerged, sign(closedMerged)))).toEqual({ status: 202, updated: 1 });
    expect((await t.prisma.changeRequest.findFirstOrThrow({ where: { prNumber: 12 } })).status).toBe("merged");
    const audit = await t.prisma.portalAuditLog.findFirstOrThrow({ where: { action: "changes.webhook" } });
    expect(audit).toMatchObject({ actorEmail: "github-webhook", target: "acme/infra#12", ip: "192.0.2.1" });
  });

  it("is off when no secret is configured", async () => {
    await expect(receiveGithubWebhook(t.prisma, noForge, input(closedMerged, sign(closedMerged), { secret: undefined }))).rejects.toMatchObject({ code: "not_found" });
  });
});
