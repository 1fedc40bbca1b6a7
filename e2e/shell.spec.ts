import { expect, test } from "@playwright/test";
import { DEMO_USER, storageStateFor } from "./helpers";

const SECTIONS: Record<string, string[]> = {
  engineer: ["Dashboard", "Secrets", "Identities", "Workloads", "Health", "Changes", "Reviews"],
  security: ["Dashboard", "Secrets", "Identities", "Workloads", "Health", "Changes", "Drift", "Alerts", "Reviews", "Exports"],
  compliance: ["Dashboard", "Secrets", "Exports"],
  admin: ["Dashboard", "Secrets", "Identities", "Workloads", "Health", "Changes", "Drift", "Alerts", "Reviews", "Exports", "Admin"],
};
const HIDDEN: Record<string, string[]> = {
  engineer: ["Drift", "Alerts", "Exports", "Admin"],
  security: ["Admin"],
  compliance: ["Admin", "Alerts", "Drift"],
  admin: [],
};

for (const role of Object.keys(SECTIONS)) {
  test.describe(`${role} (${DEMO_USER[role as keyof typeof DEMO_USER]})`, () => {
    test.use({ storageState: storageStateFor(role as keyof typeof DEMO_USER) });

    test("sees the shell with their role and only their sections", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByTestId("current-user").getByTestId("role")).toHaveText([role]);
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const label of SECTIONS[role]!) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
      for (const label of HIDDEN[role]!) await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
      await expect(page.getByTestId("connections")).toContainText("Vault");
      await page.screenshot({ path: `test-results/screens/dashboard-${role}.png`, fullPage: true });
    });
  });
}

test.describe("no role", () => {
  test.use({ storageState: storageStateFor("none") });
  test("a signed-in user without a Radius group sees 'no access'", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("no-access")).toBeVisible();
  });
});

test.describe("anonymous", () => {
  test("a page visit redirects to sign-in, keeping the destination", async ({ page }) => {
    await page.goto("/secrets");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsecrets/);
    await expect(page.getByRole("button", { name: /sign in with sso/i })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/signin.png" });
  });
});
