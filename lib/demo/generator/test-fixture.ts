import { generateDemoOrganisation } from "./generate";
import type { DemoOrganisation } from "./types";

/** Fixed clock for tests: a Thursday evening in December (Berlin is UTC+1). */
export const TEST_NOW = new Date("2026-12-03T19:00:00Z");

let cached: DemoOrganisation | undefined;
/** Scale-1 organisation, generated once per test file. */
export function demoOrg(): DemoOrganisation {
  cached ??= generateDemoOrganisation({ seed: 1, scale: 1, now: TEST_NOW });
  return cached;
}

export const fileContent = (org: DemoOrganisation, path: string): string => {
  const f = [...org.files, ...org.terraform.files].find((x) => x.path === path);
  if (!f) throw new Error(`no file ${path}`);
  return f.content;
};
