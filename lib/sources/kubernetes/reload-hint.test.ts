import { describe, expect, it } from "vitest";
import { readReloadHint, reloaderWatches } from "./reload-hint";

describe("readReloadHint", () => {
  const read = (...maps: Record<string, string>[]) => {
    const problems: unknown[] = [];
    return { hint: readReloadHint(maps, (p) => problems.push(p), 3), problems };
  };
  it("reads radius.dev/reload and stakater auto annotations", () => {
    const { hint } = read({ "radius.dev/reload": "restart" }, { "reloader.stakater.com/auto": "true" });
    expect(hint).toEqual({ appReload: "restart", appReloadVia: "radius.dev/reload=restart", reloaderWatches: { secrets: null, via: "reloader.stakater.com/auto=true" } });
    expect(reloaderWatches(hint, "anything")).toBe(true);
  });
  it("limits secret.reloader.stakater.com/reload to the named secrets", () => {
    const { hint } = read({ "secret.reloader.stakater.com/reload": "a, b" });
    expect(reloaderWatches(hint, "b")).toBe(true);
    expect(reloaderWatches(hint, "c")).toBe(false);
  });
  it("reports an unknown radius.dev/reload value", () => {
    const { hint, problems } = read({ "radius.dev/reload": "sometimes" });
    expect(hint.appReload).toBe("unspecified");
    expect(problems).toEqual([expect.objectContaining({ line: 3, severity: "warning" })]);
  });
});
