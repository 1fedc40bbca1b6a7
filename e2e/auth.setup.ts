import { expect, test as setup } from "@playwright/test";
import { DEMO_USER, signIn, storageStateFor, type Role } from "./helpers";

// One saved sign-in per role (and one for the user without a role), made through the browser.
for (const who of Object.keys(DEMO_USER) as (Role | "none")[]) {
  setup(`sign in as ${who}`, async ({ page }) => {
    await signIn(page, DEMO_USER[who]);
    await page.context().storageState({ path: storageStateFor(who) });
  });
}

// The portal starts serving before its first sync ends (pages say "syncing now"); the specs read
// the demo organisation, so they start once a snapshot is live.
setup("wait for the first sync", async ({ browser }) => {
  setup.setTimeout(300_000);
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  try {
    await expect
      .poll(async () => ((await (await context.request.get("/api/sync/status")).json()) as { activeSnapshotAt: string | null }).activeSnapshotAt, { timeout: 280_000, intervals: [1_000] })
      .not.toBeNull();
  } finally {
    await context.close();
  }
});
