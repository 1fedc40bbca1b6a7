import { expect, type Page } from "@playwright/test";

export const ROLES = ["engineer", "security", "compliance", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Demo users of the local OIDC provider (lib/demo/oidc), one per role plus one without any. */
export const DEMO_USER: Record<Role | "none", string> = {
  engineer: "alice",
  security: "sam",
  compliance: "carol",
  admin: "adam",
  none: "nina",
};

export const storageStateFor = (who: Role | "none") => `e2e/.auth/${who}.json`;

/** Signs in through the real OIDC code path: portal -> provider login page -> callback. */
export async function signIn(page: Page, username: string, callbackPath = "/"): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByRole("button", { name: /sign in with sso/i }).click();
  await page.getByLabel("User").selectOption(username);
  await page.getByLabel("Password").fill("radius-demo");
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await page.waitForURL((url) => url.port === new URL(page.url()).port && !url.pathname.startsWith("/signin"), { timeout: 30_000 });
  await expect(page.getByTestId("current-user").or(page.getByTestId("no-access"))).toBeVisible();
}
