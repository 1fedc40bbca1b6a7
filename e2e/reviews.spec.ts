import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./helpers";

// One small campaign (team payments, prod, the database-prod mount: a handful of grants) created
// by security, decided row by row, then read by compliance. Serial: later tests use the campaign.
test.describe.configure({ mode: "serial" });

let campaignUrl = "";
const NAME = `Payments prod DB ${Date.now()}`;

test.describe("access reviews, as security", () => {
  test.use({ storageState: storageStateFor("security") });

  test("the new-campaign form shows field errors and creates nothing", async ({ page }) => {
    await page.goto("/reviews/new");
    await page.getByRole("button", { name: "Create campaign" }).click();
    await expect(page.getByTestId("error-name")).toContainText("at least 3 characters");
    await expect(page.getByTestId("error-deadline")).toHaveText("Choose a deadline");
    await expect(page).toHaveURL(/\/reviews\/new$/);
  });

  test("creates a small campaign, decides every grant (keep with justification, one revoke), reaches 100% and downloads the CSV", async ({ page }) => {
    await page.goto("/reviews/new");
    await page.getByLabel("Name").fill(NAME);
    const team = await page.getByLabel("Owner team").locator("option", { hasText: /payments$/ }).first().getAttribute("value");
    await page.getByLabel("Owner team").selectOption(team!);
    await page.getByLabel("Environment").selectOption("prod");
    const mount = await page.getByLabel("Mount").locator("option", { hasText: /:database-prod$/ }).first().getAttribute("value");
    await page.getByLabel("Mount").selectOption(mount!);
    const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Deadline").fill(deadline);
    await page.getByRole("button", { name: "Create campaign" }).click();
    await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    campaignUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { name: NAME })).toBeVisible();

    const pendingRows = page.locator('[data-testid="decision-row"][data-outcome="pending"]');
    const total = await pendingRows.count();
    expect(total).toBeGreaterThan(1);
    expect(total).toBeLessThanOrEqual(50);
    await expect(page.getByTestId("evidence").first()).toBeVisible();

    // A justification is required: nothing is recorded without one.
    await pendingRows.first().getByRole("button", { name: "Keep" }).click();
    await expect(pendingRows.first().getByTestId("decide-error")).toContainText("at least 10 characters");
    await expect(pendingRows).toHaveCount(total);

    for (let i = 0; i < total; i++) {
      const row = pendingRows.first();
      const revoke = i === 0;
      await row.getByRole("textbox").fill(revoke ? "Not used by the service any more (e2e revoke)." : `Still needed by the service (e2e keep ${i}).`);
      await row.getByRole("button", { name: revoke ? "Revoke" : "Keep" }).click();
      await expect(pendingRows).toHaveCount(total - i - 1, { timeout: 30_000 });
    }

    await expect(page.getByTestId("campaign-progress-percent")).toHaveText("100%");
    await expect(page.locator('[data-testid="decision-row"][data-outcome="revoke"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="decision-row"][data-outcome="keep"]')).toHaveCount(total - 1);
    await page.screenshot({ path: "test-results/screens/review-campaign.png", fullPage: true });

    const download = page.waitForEvent("download");
    await page.getByTestId("csv-link").click();
    const file = await (await download).path();
    const csv = await readFile(file!, "utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^secret,identity,capabilities,policy,owner_team,environment,assigned_reviewers,outcome,decided_by,/);
    expect(lines).toHaveLength(total + 1);
    expect(lines.filter((l) => l.includes(",keep,sam@radius.example,"))).toHaveLength(total - 1);
    expect(csv).toContain("Not used by the service any more (e2e revoke).");
  });

  test("the campaign list shows it complete, and the PDF report downloads", async ({ page, request }) => {
    await page.goto("/reviews");
    const row = page.getByTestId("campaign-row").filter({ hasText: NAME });
    await expect(row).toContainText("100%");
    const pdf = await request.get(`/api${campaignUrl}/report?format=pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});

test.describe("access reviews, as compliance", () => {
  test.use({ storageState: storageStateFor("compliance") });

  test("reads the campaign and its report but cannot create or decide", async ({ page, request }) => {
    await page.goto(campaignUrl);
    await expect(page.getByRole("heading", { name: NAME })).toBeVisible();
    await expect(page.getByTestId("decide-form")).toHaveCount(0);
    expect((await request.get(`/api${campaignUrl}/report?format=csv`)).status()).toBe(200);
    expect((await request.post("/api/reviews", { data: { name: "nope", deadline: "2099-01-01" } })).status()).toBe(403);
    const decisions = await request.get(`/api${campaignUrl}/decisions`);
    const [first] = ((await decisions.json()) as { rows: { id: string }[] }).rows;
    expect((await request.post(`/api${campaignUrl}/decisions/${first!.id}`, { data: { outcome: "keep", justification: "compliance tries to decide" } })).status()).toBe(403);
  });
});

test.describe("access reviews, as an engineer", () => {
  test.use({ storageState: storageStateFor("engineer") });

  test("cannot create campaigns or download reports", async ({ page, request }) => {
    await page.goto("/reviews/new");
    await expect(page).toHaveURL(/\/forbidden/);
    expect((await request.get(`/api${campaignUrl}/report?format=csv`)).status()).toBe(403);
    expect((await request.post(`/api${campaignUrl}/close`)).status()).toBe(403);
  });
});
