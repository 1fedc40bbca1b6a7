import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./helpers";

/**
 * Invariant 2: Radius never reads or shows secret values. The demo organisation plants canary
 * values (prefix RADIUS-CANARY-) in every KV secret's data and in database static-role passwords
 * of the Vault stand-in. After a sync, no page, JSON response or CSV export may contain one.
 */
const CANARY = "RADIUS-CANARY-";

async function firstDetailLinks(page: Page, listPath: string, prefix: string, count: number): Promise<string[]> {
  await page.goto(listPath);
  // Wait for the table's rows (a slow server may still be streaming the list when goto resolves).
  await expect(page.locator(`main table a[href^="${prefix}"]`).first(), listPath).toBeVisible();
  const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => h !== prefix && !h.includes("?")))].slice(0, count);
}

test.describe("canary values never leave Vault", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("no page, API response or CSV contains a planted secret value", async ({ page }) => {
    const seen: string[] = [];
    page.on("response", async (response) => {
      const type = response.headers()["content-type"] ?? "";
      if (!/html|json|csv|text|javascript/.test(type)) return;
      const body = await response.text().catch(() => "");
      if (body.includes(CANARY)) seen.push(response.url());
    });

    const pages = ["/", "/secrets", "/identities", "/workloads", "/policies", "/health", "/admin"];
    for (const path of pages) await page.goto(path);
    const details = [
      ...(await firstDetailLinks(page, "/secrets?sort=score&dir=desc", "/secrets/", 5)),
      ...(await firstDetailLinks(page, "/identities", "/identities/", 3)),
      ...(await firstDetailLinks(page, "/workloads", "/workloads/", 3)),
      ...(await firstDetailLinks(page, "/policies", "/policies/", 3)),
    ];
    expect(details.length, "the sync populated detail pages to crawl").toBeGreaterThan(5);
    for (const path of details) await page.goto(path);

    for (const api of ["/api/secrets?pageSize=200", "/api/secrets?format=csv", "/api/identities?pageSize=200", "/api/workloads?pageSize=200", "/api/policies?pageSize=200"]) {
      const response = await page.request.get(api);
      expect(response.status(), api).toBe(200);
      expect(await response.text(), api).not.toContain(CANARY);
    }
    expect(seen, "responses that contained a canary value").toEqual([]);
  });
});
