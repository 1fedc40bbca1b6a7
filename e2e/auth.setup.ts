import { test as setup } from "@playwright/test";
import { DEMO_USER, signIn, storageStateFor, type Role } from "./helpers";

// One saved sign-in per role (and one for the user without a role), made through the browser.
for (const who of Object.keys(DEMO_USER) as (Role | "none")[]) {
  setup(`sign in as ${who}`, async ({ page }) => {
    await signIn(page, DEMO_USER[who]);
    await page.context().storageState({ path: storageStateFor(who) });
  });
}
