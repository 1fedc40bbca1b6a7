import { execFileSync } from "node:child_process";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";
import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./helpers";

// The e2e portal runs on .data/e2e (playwright.config.ts): the local provider commits to the demo
// Terraform repository there, on a branch per request, without touching main.
const TERRAFORM_REPO = path.resolve(".data/e2e/demo/terraform");
const git = (...args: string[]) => execFileSync("git", ["-C", TERRAFORM_REPO, ...args], { encoding: "utf8" });

async function identityKey(page: Page, q: string): Promise<string> {
  const res = await page.request.get(`/api/identities?${new URLSearchParams({ q, pageSize: "25" })}`);
  expect(res.status()).toBe(200);
  const rows = ((await res.json()) as { rows: { key: string }[] }).rows;
  expect(rows.length).toBeGreaterThan(0);
  return rows[0]!.key;
}

test.describe("changes, as an engineer", () => {
  test.use({ storageState: storageStateFor("engineer") });

  test("invalid input shows field errors and creates nothing", async ({ page }) => {
    const before = git("for-each-ref", "--format=%(refname)", "refs/heads/");
    await page.goto("/changes/new?kind=secret.create");
    await page.getByLabel("Path").fill("../etc/${var.x}");
    await page.getByLabel("Why").fill("short");
    await page.getByRole("button", { name: "Open pull request" }).click();
    await expect(page.getByTestId("error-path")).toBeVisible();
    await expect(page.getByTestId("error-mount")).toHaveText("Choose a mount");
    await expect(page.getByTestId("error-reason")).toContainText("at least 10 characters");
    await expect(page.getByTestId("error-classification")).toBeVisible();
    await expect(page).toHaveURL(/\/changes\/new/);
    expect(git("for-each-ref", "--format=%(refname)", "refs/heads/")).toBe(before);
  });

  test("requests a new secret path and sees the pull request with valid Terraform and the blast-radius delta", async ({ page }) => {
    const reader = await identityKey(page, "kubernetes-prod payments-api");
    await page.goto("/changes/new?kind=secret.create");
    await page.getByLabel("KV v2 mount").selectOption("kv-prod");
    await page.getByLabel("Path").fill("payments/prod/payments-api/webhook-signing-key");
    await page.getByLabel("Environment").fill("prod");
    await page.getByLabel("Owner team").fill("payments");
    await page.getByLabel("Classification").selectOption("confidential");
    await page.getByLabel("Description").fill('Signs "webhooks" to ${partners} %{x}');
    await page.getByLabel("Rotation period (days)").fill("30");
    await page.getByLabel("Add an identity").fill(reader);
    await page.getByLabel("Add an identity").press("Enter");
    await expect(page.getByTestId("readers")).toContainText(reader);
    await page.getByLabel("Why").fill("Partner webhooks need a signing key (PAY-1234).");
    await page.getByRole("button", { name: "Open pull request" }).click();

    await expect(page).toHaveURL(/\/changes\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByTestId("diff")).toContainText("vault_kv_secret_v2");
    await expect(page.getByTestId("diff")).toContainText("payments/prod/payments-api/webhook-signing-key");
    await expect(page.getByTestId("delta")).toContainText(reader);
    await expect(page.getByTestId("delta")).toContainText("gains");
    await expect(page.getByTestId("pr-body")).toContainText(reader);
    await page.screenshot({ path: "test-results/screens/change-request.png", fullPage: true });

    // The branch exists in the real repository, main is untouched, and every changed file is valid HCL.
    const branch = (await page.getByTestId("branch").textContent())!.trim();
    const files = git("diff", "--name-only", `main...${branch}`).trim().split("\n").filter(Boolean);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const content = git("show", `${branch}:${file}`);
      const parsed = (await parse(file, content)) as Record<string, unknown>;
      expect(parsed).toBeTruthy();
    }
    expect(git("log", "-1", "--format=%s", branch)).not.toBe(git("log", "-1", "--format=%s", "main"));

    // It is listed under "My requests".
    await page.goto("/changes?scope=mine");
    await expect(page.getByTestId("changes-table")).toContainText("webhook-signing-key");
  });
});

test.describe("changes, denied", () => {
  test.use({ storageState: storageStateFor("compliance") });

  test("compliance cannot open the request form", async ({ page }) => {
    await page.goto("/changes/new?kind=secret.create");
    await expect(page).toHaveURL(/\/forbidden/);
  });
});
