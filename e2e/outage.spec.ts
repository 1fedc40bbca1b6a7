import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStateFor } from "./helpers";

// The e2e portal's Vault stand-in (port 8200 + the e2e shift of 100) accepts fault control from the
// suite (playwright.config.ts sets RADIUS_STANDIN_CONTROL_TOKEN; lib/demo/vault-standin/control.ts).
const STANDIN = "http://127.0.0.1:8300";
const CONTROL = { "x-standin-control": "e2e-standin-control" };

type Status = { stale: boolean; running: boolean; lastRun: { id: string; status: string } | null; lastFailure: { error: string | null } | null };
const syncStatus = async (request: APIRequestContext) => (await (await request.get("/api/sync/status")).json()) as Status;

async function syncNowAndWait(page: import("@playwright/test").Page, request: APIRequestContext, expected: string): Promise<void> {
  const before = (await syncStatus(request)).lastRun?.id;
  await page.goto("/admin");
  await page.getByTestId("sync-now").click();
  await expect.poll(async () => {
    const s = await syncStatus(request);
    return !s.running && s.lastRun && s.lastRun.id !== before ? s.lastRun.status : "pending";
  }, { timeout: 120_000, intervals: [1_000] }).toBe(expected);
}

test.describe.serial("a Vault outage during a sync", () => {
  test.use({ storageState: storageStateFor("admin") });

  test.afterAll(async ({ browser }) => {
    // Leave the shared e2e portal as the other specs expect it: Vault back, a fresh good snapshot.
    const context = await browser.newContext({ storageState: storageStateFor("admin") });
    await context.request.post(`${STANDIN}/_standin/faults`, { headers: CONTROL, data: {} });
    const page = await context.newPage();
    await syncNowAndWait(page, context.request, "succeeded");
    await context.close();
  });

  test("keeps the last good data and says it is stale", async ({ page, request }) => {
    expect((await request.post(`${STANDIN}/_standin/faults`, { headers: CONTROL, data: { down: true } })).status()).toBe(204);
    await syncNowAndWait(page, request, "failed");

    await page.goto("/secrets?q=payments");
    const banner = page.getByTestId("stale-banner");
    await expect(banner).toContainText("The last sync failed at");
    await expect(banner).toContainText("Showing the last good snapshot");
    await expect(page.getByTestId("secrets-table").locator("tbody tr").first()).toBeVisible();
    await expect(page.getByTestId("secrets-table")).toContainText("payments");

    await page.goto("/health");
    await expect(page.getByTestId("stale-banner")).toBeVisible();
    await expect(page.getByTestId("expiring-certificates")).toContainText("payments-api");
    await page.screenshot({ path: "test-results/screens/stale-health.png", fullPage: false });
  });
});
