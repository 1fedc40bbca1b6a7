import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChangeRequest } from "@/lib/changes";
import { createLocalProvider } from "@/lib/changes/providers/local";
import { TEST_NOW } from "@/lib/demo/generator/test-fixture";
import { runSync } from "@/lib/sync/run-sync";
import { startSyncWorld, type SyncWorld } from "@/lib/sync/test-support";
import { createCampaign } from "./create-campaign";
import { decideGrant } from "./decide-grant";
import type { RevocationOpener } from "./revocation";
import { demoDirectory, demoUser } from "./test-support";

// The real changes capability behind a revoke: the local git provider over the demo Terraform
// repository, wired exactly as lib/review/app-context.ts wires it for the app.
describe("a revoke decision opens a real revocation change request", () => {
  let w: SyncWorld;
  beforeAll(async () => {
    w = await startSyncWorld();
    expect(await runSync({ trigger: "manual" }, w.deps())).toMatchObject({ status: "succeeded" });
  });
  afterAll(async () => {
    await w?.close();
  });

  it("stores the change request with origin review and links it from the decision", async () => {
    const user = demoUser("sam");
    const db = w.database.prisma;
    const changes = { db, user, provider: createLocalProvider({ repo: w.config.terraform!.repo, baseBranch: "main" }), settings: { terraformDir: ".", changesFile: "team-{team}.tf", baseBranch: "main", portalUrl: "http://localhost:3000" } };
    const openRevocation: RevocationOpener = async (input) => {
      const result = await createChangeRequest(changes, input);
      if (result.ok) return { status: "opened", changeId: result.id, prUrl: result.prUrl };
      if (result.fieldErrors) return { status: "failed", changeId: null, error: Object.values(result.fieldErrors).join("; ") };
      return { status: "failed", changeId: result.id ?? null, error: result.error };
    };
    const ctx = { db, user, directory: demoDirectory(), now: () => TEST_NOW, openRevocation };
    const created = await createCampaign(ctx, { name: "Payments API", team: "payments", environment: "prod", deadline: "2026-12-20" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const decision = await db.reviewDecision.findFirstOrThrow({ where: { reviewId: created.id, identityKey: { endsWith: "kubernetes-prod/payments-api" } } });
    const result = await decideGrant(ctx, { decisionId: decision.id, outcome: "revoke", justification: "payments-api no longer reads this secret." });
    expect(result).toMatchObject({ ok: true, revocation: { status: "opened" } });
    const stored = await db.reviewDecision.findUniqueOrThrow({ where: { id: decision.id } });
    const change = await db.changeRequest.findUniqueOrThrow({ where: { id: stored.revocationChangeId! } });
    expect(change).toMatchObject({ kind: "access.revoke", status: "submitted", payload: { origin: "review", reviewId: created.id, identityKey: decision.identityKey, secretKey: decision.secretKey } });
  });
});
