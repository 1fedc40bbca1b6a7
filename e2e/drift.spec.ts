import { expect, test } from "@playwright/test";
import { storageStateFor } from "./helpers";

// Demo facts relied on (lib/demo/generator/access-model.ts, terraform/render-terraform.ts, ground
// truth `drift`): policy debug-payments-prod was created in the Vault UI (no Terraform resource);
// kubernetes-prod role payments-api-canary is in Terraform only (merged, never applied); one
// team's policy has a rule kv-prod/data/<team>/prod/* added in the UI. Needs the first sync,
// which compares Vault with the demo Terraform repository and stores the drift in the snapshot.

const CLICK_OPS = "debug-payments-prod";
const CANARY = "auth/kubernetes-prod/role/payments-api-canary";

test.describe("drift, as security", () => {
  test.use({ storageState: storageStateFor("security") });

  test("sees the click-ops policy with Bring into Terraform, the unapplied role and the UI-added rule", async ({ page }) => {
    await page.goto("/drift");
    await expect(page.getByRole("heading", { name: "Drift", level: 1 })).toBeVisible();
    await expect(page.getByTestId("drift-verdict")).toHaveAttribute("data-check", "fail");
    await expect(page.getByTestId("tile-drift-vault-only")).toContainText("1");

    const table = page.getByTestId("drift-table");
    const clickOps = table.locator(`tr[data-name="${CLICK_OPS}"]`);
    await expect(clickOps).toContainText("Vault only (click-ops)");
    await expect(clickOps.getByText("Bring into Terraform")).toBeVisible();
    await expect(table.locator(`tr[data-name="${CANARY}"]`)).toContainText("Terraform only (not applied)");
    await expect(table.locator(`tr[data-name="${CANARY}"]`)).toContainText("team-payments-canary.tf");
    await expect(table.locator('tr[data-kind="policy"]', { hasText: "Different" })).toContainText(/kv-prod\/data\/[a-z0-9-]+\/prod\/\*.*live grants read; not in Terraform/);
    await page.screenshot({ path: "test-results/screens/drift.png", fullPage: true });

    // Filters live in the URL: a shared link shows the same rows.
    await page.goto("/drift?status=vault-only");
    await expect(page.getByTestId("drift-table").locator("tbody tr")).toHaveCount(1);
    await expect(page.getByTestId("drift-table")).toContainText(CLICK_OPS);
    // Only live-only policies can be brought into Terraform.
    await page.goto("/drift?status=terraform-only");
    await expect(page.getByTestId("drift-table").getByText("Bring into Terraform")).toHaveCount(0);
  });

  test("downloads the drift CSV", async ({ request }) => {
    const res = await request.get("/api/drift?format=csv&kind=policy");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    const text = await res.text();
    expect(text.split("\r\n")[0]).toContain("terraform_commit");
    expect(text).toContain(CLICK_OPS);
    expect(text).not.toContain(CANARY);
  });
});

test.describe("drift, denied", () => {
  test.use({ storageState: storageStateFor("engineer") });

  test("an engineer gets 403 on /api/drift and /forbidden on the page", async ({ page }) => {
    const api = await page.request.get("/api/drift");
    expect(api.status()).toBe(403);
    expect((await api.json()).error.code).toBe("forbidden");
    expect((await page.request.get("/api/drift?format=csv")).status()).toBe(403);
    await page.goto("/drift");
    await expect(page).toHaveURL(/\/forbidden$/);
  });
});
