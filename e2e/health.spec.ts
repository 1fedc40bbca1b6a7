import { expect, test } from "@playwright/test";
import { storageStateFor } from "./helpers";

// Demo facts relied on (lib/demo/generator/pki/pki-mount.ts, vault-leases.ts): certificate 0 is
// payments-api's (service 0 of team payments) and expires within 7 days of the demo's `now`; the
// first three leases of database-prod/creds/payments-api expired while Vault Agent still consumes
// them (renewal failures); certificate 7 has a 1024-bit RSA key. Needs the sync to have written
// leases and certificates into the snapshot (lib/health writeHealthRecords).

const EXPIRING_CN = "payments-api.payments.svc.acme.internal";

test.describe("health, as an engineer", () => {
  test.use({ storageState: storageStateFor("engineer") });

  test("flags the expiring certificate, the renewal failures and the weak key", async ({ page }) => {
    await page.goto("/health");
    await expect(page.getByRole("heading", { name: "Health", level: 1 })).toBeVisible();

    const expiring = page.getByTestId("expiring-certificates");
    await expect(expiring).toContainText(EXPIRING_CN);
    await expect(expiring.locator('[data-flag="expiring-7d"]', { hasText: EXPIRING_CN }).locator('[data-status="expiring"]')).toBeVisible();
    await expect(page.getByTestId("tile-expiring-certificates")).not.toContainText(/^\s*0\s*$/);
    await expect(page.getByTestId("renewal-failures")).toContainText("database-prod/creds/payments-api/");
    await expect(page.getByTestId("weak-keys")).toContainText("RSA 1024");
    await expect(page.getByTestId("lease-expiry-hour")).toBeVisible();
    await expect(page.getByTestId("certificate-expiry-weeks")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/health.png", fullPage: true });

    // The certificate table, filtered through the URL, shows it flagged too.
    await page.goto("/health?view=certificates&status=expiring");
    const row = page.getByTestId("certificates-table").locator("tr", { hasText: EXPIRING_CN });
    await expect(row.locator('[data-status="expiring"]')).toBeVisible();

    // Renewal failures link to their secret.
    await page.goto("/health?status=renewal-failure");
    const leases = page.getByTestId("leases-table");
    await expect(leases.getByRole("link", { name: /database-prod\/creds\/payments-api$/ }).first()).toHaveAttribute("href", /^\/secrets\/[^/]+:database-prod\/creds\/payments-api$/);
    await expect(leases).toContainText("payments-api");
  });

  test("downloads the certificates CSV", async ({ request }) => {
    const res = await request.get("/api/health-data/certificates?format=csv&status=expiring");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    const text = await res.text();
    expect(text.split("\r\n")[0]).toContain("common_name");
    expect(text).toContain(EXPIRING_CN);
  });
});

test.describe("health API, denied", () => {
  test.use({ storageState: storageStateFor("none") });

  test("a user without a Radius role gets 403", async ({ request }) => {
    expect((await request.get("/api/health-data/leases")).status()).toBe(403);
    expect((await request.get("/api/health-data/certificates?format=csv")).status()).toBe(403);
  });
});
