/**
 * `npm test`: every test, in the order that fails fastest.
 *   1. prisma generate (the typed client the code and tests import)
 *   2. typecheck and lint (import boundaries included)
 *   3. vitest: unit and integration tests against a real embedded PostgreSQL
 *   4. Playwright: end-to-end tests in Chromium against the built portal on embedded defaults
 * It ends with one summary line, "Tests: N passed, N failed", counting both runners.
 *
 * Flags: --only unit|e2e, --skip-static (no typecheck/lint).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: { only: { type: "string" }, "skip-static": { type: "boolean", default: false } },
});
const root = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const results = { passed: 0, failed: 0, steps: [] as string[] };

function step(name: string, command: string, commandArgs: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = run.status === 0;
  results.steps.push(`${ok ? "ok  " : "FAIL"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function countVitest(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests;
}

function countPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  results.passed += report.stats.expected + report.stats.flaky;
  results.failed += report.stats.unexpected;
}

mkdirSync(path.join(root, "test-results"), { recursive: true });
let ok = step("prisma generate", process.execPath, [path.join(root, "scripts", "prisma.mjs"), "generate"]);

if (ok && !args["skip-static"] && !args.only) {
  ok = step("typecheck", bin("tsc"), ["--noEmit", "-p", "."]) && ok;
  ok = step("lint", bin("eslint"), [".", "--max-warnings", "0"]) && ok;
}
if (ok && args.only !== "e2e") {
  const report = path.join(root, "test-results", "vitest-report.json");
  ok = step("unit and integration tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`]) && ok;
  countVitest(report);
}
if (ok && args.only !== "unit") {
  ok = step("end-to-end tests (Playwright, Chromium)", bin("playwright"), ["test"]) && ok;
  countPlaywright(path.join(root, "test-results", "e2e-report.json"));
}

console.log("\n=== summary ===");
for (const line of results.steps) console.log(line);
console.log(`Tests: ${results.passed} passed, ${results.failed} failed`);
process.exit(ok && results.failed === 0 ? 0 : 1);
