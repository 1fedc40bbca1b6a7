import { expect, test } from "@playwright/test";
import { storageStateFor } from "./helpers";

// Every guarded endpoint answers 401 to the anonymous, 403 to the wrong role, 200 to the right one.
test.describe("anonymous API calls", () => {
  test("get 401 with a JSON error, never a redirect or a 200", async ({ request }) => {
    for (const path of ["/api/me", "/api/admin/ping"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(401);
      expect((await response.json()).error.code).toBe("unauthenticated");
    }
  });
});

test.describe("engineer", () => {
  test.use({ storageState: storageStateFor("engineer") });
  test("gets 403 on an admin endpoint and page, 200 on their own", async ({ page }) => {
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: "alice@radius.example", roles: ["engineer"] });

    const ping = await page.request.get("/api/admin/ping");
    expect(ping.status()).toBe(403);
    expect((await ping.json()).error.code).toBe("forbidden");

    await page.goto("/admin");
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByTestId("forbidden")).toContainText("does not allow this page");
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageStateFor("admin") });
  test("gets 200 on the admin endpoint and sees sign-ins in the portal audit trail", async ({ page }) => {
    const ping = await page.request.get("/api/admin/ping");
    expect(ping.status()).toBe(200);
    await page.goto("/admin");
    const trail = page.getByTestId("audit-trail");
    await expect(trail).toContainText("auth.sign_in");
    await expect(trail).toContainText("alice@radius.example");
    await page.screenshot({ path: "test-results/screens/admin.png", fullPage: true });
  });
});
