import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./helpers";

// Demo facts relied on (lib/demo/generator/audit/planted-signals.ts, ground truth `audit.signals`):
// the demo audit log has one root-token use (sys/policies/acl/<click-ops policy>) and 150 bulk
// reads from 198.51.100.23. Needs the audit ingestion to have loaded the log and called
// evaluateDetection (or the detection scheduler to have run), so the spec polls for them first.

interface AlertListBody { rows: { id: string; rule: string; status: string; subject: string }[]; total: number }

async function openAlert(page: Page, rule: string): Promise<string> {
  let id = "";
  await expect.poll(async () => {
    const res = await page.request.get(`/api/alerts?rule=${rule}&status=open`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as AlertListBody;
    id = body.rows[0]?.id ?? "";
    return body.total;
  }, { timeout: 120_000, intervals: [2_000, 5_000] }).toBeGreaterThan(0);
  return id;
}

test.describe("alerts, as security", () => {
  test.use({ storageState: storageStateFor("security") });

  test("sees the planted alerts in the list, filtered through the URL", async ({ page }) => {
    await openAlert(page, "root-token-used");
    await page.goto("/alerts?severity=critical");
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    const table = page.getByTestId("alerts-table");
    await expect(table.locator('tr[data-rule="root-token-used"]').first()).toContainText("Root token used");
    await expect(table.locator('tr[data-rule="bulk-read-anomaly"]')).toHaveCount(0);
    await page.goto("/alerts?rule=bulk-read-anomaly");
    await expect(page.getByTestId("alerts-table").locator("tbody tr").first()).toContainText("198.51.100.23");
    await page.screenshot({ path: "test-results/screens/alerts.png", fullPage: true });
  });

  test("acknowledges the root-token alert; the history says who", async ({ page }) => {
    const id = await openAlert(page, "root-token-used");
    await page.goto(`/alerts/${id}`);
    await expect(page.getByTestId("evidence-sample")).toContainText("sys/policies/acl/");
    await expect(page.getByTestId("alert-status")).toHaveAttribute("data-status", "open");
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByTestId("alert-status")).toHaveAttribute("data-status", "acknowledged");
    await expect(page.getByTestId("alert-history")).toContainText("acknowledged");
    const api = await page.request.get(`/api/alerts/${id}`);
    expect(((await api.json()) as { status: string }).status).toBe("acknowledged");
  });

  test("resolves the bulk-read alert only with a note", async ({ page }) => {
    const id = await openAlert(page, "bulk-read-anomaly");
    await page.goto(`/alerts/${id}`);
    await expect(page.getByTestId("evidence-query")).toContainText("198.51.100.23");
    await page.getByRole("button", { name: "Resolve" }).click();
    // The note is required: nothing changes without one.
    await expect(page.getByTestId("alert-status")).toHaveAttribute("data-status", "open");
    await page.getByLabel("Resolution note").fill("Planned secrets inventory by platform admin (CHG-1234); confirmed with the requester.");
    await page.getByRole("button", { name: "Resolve" }).click();
    await expect(page.getByTestId("alert-status")).toHaveAttribute("data-status", "resolved");
    await expect(page.getByTestId("alert-note")).toContainText("CHG-1234");
    await expect(page.getByTestId("alert-history")).toContainText("resolved");
  });

  test("downloads the alerts CSV", async ({ request }) => {
    const res = await request.get("/api/alerts?format=csv");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    expect((await res.text()).split("\r\n")[0]).toBe("id,rule,severity,status,subject,count,first_seen,last_seen,assignee,summary");
  });
});

test.describe("alerts, denied", () => {
  test.use({ storageState: storageStateFor("engineer") });

  test("an engineer gets 403 on /api/alerts and /forbidden on the page", async ({ page }) => {
    const api = await page.request.get("/api/alerts");
    expect(api.status()).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect((await page.request.get("/api/alerts?format=csv")).status()).toBe(403);
    expect((await page.request.get("/api/alerts/00000000-0000-4000-8000-000000000000")).status()).toBe(403);
    await page.goto("/alerts");
    await expect(page).toHaveURL(/\/forbidden$/);
  });
});

test.describe("alerts, anonymous", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("gets 401 from the API", async ({ request }) => {
    expect((await request.get("/api/alerts")).status()).toBe(401);
  });
});
