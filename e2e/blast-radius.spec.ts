import { expect, test } from "@playwright/test";
import { storageStateFor } from "./helpers";

// The engineer's core journey on the demo organisation (populated by the first sync): find a
// payments secret under kv-prod and read the three answers. Demo facts relied on
// (lib/demo/generator/access-model.ts, company.ts): payments-api is service 0 of team payments,
// consumes its prod secrets through Vault Agent, and its prod secrets are readable by the
// team-payments-oncall group (policy oncall-payments) and the kubernetes-prod/payments-api role.

test.describe("blast radius, as an engineer", () => {
  test.use({ storageState: storageStateFor("engineer") });

  test("searches for payments, opens a kv-prod secret and reads who, what breaks and how long", async ({ page }) => {
    await page.goto("/secrets");
    await page.getByRole("searchbox").fill("payments");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]q=payments/);
    await expect(page.getByTestId("secrets-table")).toContainText("payments");

    // Narrow to the kv-prod mount with the facet select (its value is "<cluster>:kv-prod").
    const mount = page.getByLabel("Mount");
    const kvProd = await mount.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v.endsWith(":kv-prod")));
    expect(kvProd, "a kv-prod mount facet").toBeTruthy();
    await mount.selectOption(kvProd!);
    await page.getByRole("searchbox").fill("payments/prod/payments-api");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/mount=/);

    const link = page.getByTestId("secrets-table").getByRole("link", { name: /^kv-prod\/payments\/prod\/payments-api\// }).first();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/\/secrets\/[^/]+:kv-prod\/payments\/prod\/payments-api\//);

    // The three answers, in plain words.
    await expect(page.getByTestId("answer-readers")).toContainText(/\d+ identit(y|ies)/);
    await expect(page.getByTestId("answer-readers")).toContainText(/human group/);
    await expect(page.getByTestId("answer-breaks")).toBeVisible();
    await expect(page.getByTestId("answer-propagation")).toContainText(/\d+ (s|min|h|d)|until restart/);

    // Specific content: the on-call group reads it through its policy; payments-api consumes it.
    const readers = page.getByTestId("readers-table");
    await expect(readers).toContainText("team-payments-oncall");
    await expect(readers).toContainText("oncall-payments");
    await expect(readers).toContainText("kv-prod/data/payments/prod/*");
    await expect(page.getByTestId("consumers-table")).toContainText("payments-api");
    await expect(page.getByTestId("consumers-table")).toContainText("vault-agent");
    await expect(page.getByTestId("blast-radius-graph")).toBeVisible();
    // The audit log's verdict sits beside the answers (ingested shortly after the first sync).
    await expect(page.getByTestId("evidence")).toContainText(/Rotated|Stale|Rotation age/);
    await page.screenshot({ path: "test-results/screens/secret-blast-radius.png", fullPage: true });

    // The reader's link leads to its reverse blast radius.
    await readers.getByRole("link", { name: /team-payments-oncall/ }).first().click();
    await expect(page.getByTestId("answer-reverse")).toContainText(/can read \d/);
    await expect(page.getByTestId("identity-by-policy")).toContainText("oncall-payments");
  });

  test("the JSON API answers the same secret, and a bad param is a 400", async ({ page }) => {
    const list = await page.request.get("/api/secrets?q=payments-api&mount=&pageSize=25");
    expect(list.status()).toBe(200);
    const body = await list.json();
    const key = body.rows.find((r: { mount: string }) => r.mount === "kv-prod")?.key as string;
    expect(key).toBeTruthy();
    const detail = await page.request.get(`/api/secrets/${key.split("/").map(encodeURIComponent).join("/")}`);
    expect(detail.status()).toBe(200);
    expect((await detail.json()).secret.key).toBe(key);
    expect((await page.request.get("/api/secrets?sort=owner")).status()).toBe(400);
    // Engineers may read but not bulk-export the inventory (secrets.export).
    expect((await page.request.get("/api/secrets?format=csv")).status()).toBe(403);
  });
});

test.describe("anonymous", () => {
  test("gets 401 from every inventory endpoint", async ({ request }) => {
    for (const path of ["/api/secrets", "/api/identities", "/api/workloads", "/api/policies", "/api/secrets/primary:kv/x"]) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(401);
    }
  });
});
