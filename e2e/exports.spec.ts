import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ROLES, storageStateFor, type Role } from "./helpers";

// Needs the first sync (the default run syncs the demo organisation at start-up).
const CANARY = "RADIUS-CANARY-";
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

test.describe("exports, as compliance", () => {
  test.use({ storageState: storageStateFor("compliance") });

  test("downloads the access-matrix CSV with live progress, and its manifest hash matches the bytes", async ({ page }) => {
    await page.goto("/exports");
    await expect(page.getByRole("heading", { name: "Exports", level: 1 })).toBeVisible();
    const form = page.getByTestId("export-form");
    await form.getByLabel("Dataset").selectOption("access-matrix");
    await form.getByLabel("Format").selectOption("csv");
    const download = page.waitForEvent("download");
    await form.getByRole("button", { name: "Export" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^radius-access-matrix-.*\.csv$/);
    const bytes = await readFile((await file.path())!);
    expect(bytes.toString("utf8").split("\r\n")[0]).toBe("secret_key,environment,owner_team,identity_key,identity_kind,capabilities,policies,rule_path,via_group,last_used_at,reads_30d,reads_90d");
    expect(bytes.toString("utf8")).not.toContain(CANARY);
    await expect(page.getByTestId("export-progress")).toHaveAttribute("data-state", "done", { timeout: 60_000 });
    await expect(page.getByTestId("export-sha256")).toHaveText(sha256(bytes));
    await expect(page.getByTestId("recent-exports")).toContainText("access-matrix");
  });

  test("downloads the PDF evidence pack", async ({ request }) => {
    const response = await request.get("/api/exports?format=pdf");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const body = await response.body();
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(body.toString("latin1")).not.toContain(CANARY);
    const id = response.headers()["x-radius-export-id"]!;
    const manifest = await (await request.get(`/api/exports/${id}/manifest`)).json();
    expect(manifest).toMatchObject({ exportId: id, format: "pdf", sha256: sha256(body) });
    expect(manifest.sections.map((s: { title: string }) => s.title)).toContain("Checklist with evidence");
  });

  test("downloads the PDF from the page", async ({ page }) => {
    await page.goto("/exports");
    const form = page.getByTestId("export-form");
    await form.getByLabel("Format").selectOption("pdf");
    const download = page.waitForEvent("download");
    await form.getByRole("button", { name: "Export" }).click();
    expect((await download).suggestedFilename()).toMatch(/^radius-evidence-pack-.*\.pdf$/);
  });

  test("streams the audit trail as JSON and sees the export in the audit trail page", async ({ page, request }) => {
    const response = await request.get("/api/exports?dataset=audit-trail&format=json");
    expect(response.status()).toBe(200);
    const json = await response.json();
    expect(json.columns).toContain("hash");
    await page.goto("/audit-trail?action=exports.");
    await expect(page.getByTestId("audit-trail")).toContainText("exports.complete");
  });
});

test.describe("who may export", () => {
  const may: Record<Role, { export: boolean; auditTrail: boolean }> = {
    engineer: { export: false, auditTrail: false },
    security: { export: true, auditTrail: false },
    compliance: { export: true, auditTrail: true },
    admin: { export: true, auditTrail: true },
  };
  for (const role of ROLES) {
    test.describe(role, () => {
      test.use({ storageState: storageStateFor(role) });
      test(`${may[role].export ? "may" : "may not"} export; ${may[role].auditTrail ? "may" : "may not"} export the audit trail`, async ({ request }) => {
        expect((await request.get("/api/exports?dataset=inventory&format=csv")).status()).toBe(may[role].export ? 200 : 403);
        expect((await request.get("/api/exports?dataset=audit-trail&format=csv")).status()).toBe(may[role].auditTrail ? 200 : 403);
        expect((await request.get("/api/exports/estimate?dataset=inventory")).status()).toBe(may[role].export ? 200 : 403);
      });
    });
  }

  test.describe("anonymous", () => {
    test.use({ storageState: { cookies: [], origins: [] } });
    test("gets 401", async ({ request }) => {
      expect((await request.get("/api/exports?dataset=inventory")).status()).toBe(401);
      expect((await request.get("/api/audit-trail")).status()).toBe(401);
    });
  });
});
