import { describe, expect, it } from "vitest";
import { formatPropagation, formatSeconds } from "./format";
import { secretListSchema } from "./schemas";
import { parseLenient, parseStrict } from "./search-params";
import { keyFromSegments, keyToPath, policyHref, secretHref, withParams } from "./urls";

describe("URL scheme", () => {
  it("keeps slashes as segments and colons readable, encodes the rest, and round-trips", () => {
    const key = "primary:kv-prod/payments/prod/a b?#%";
    expect(secretHref(key)).toBe("/secrets/primary:kv-prod/payments/prod/a%20b%3F%23%25");
    // Next.js passes the segments still encoded; they are decoded once.
    expect(keyFromSegments(keyToPath(key).split("/"))).toBe(key);
    expect(keyFromSegments(["primary%3Akv-prod", "a"])).toBe("primary:kv-prod/a");
    expect(keyFromSegments(["bad%E0%A4%A"])).toBeNull();
    expect(keyFromSegments(["primary:kv", "..", "x"])).toBeNull();
    expect(policyHref("primary", "svc-a")).toBe("/policies/primary/svc-a");
  });
  it("builds list links that reset the page on any other change", () => {
    expect(withParams("/secrets", { q: "x", page: 3 }, { sort: "path" })).toBe("/secrets?q=x&sort=path");
    expect(withParams("/secrets", { q: "x", page: 3 }, { page: 4 })).toBe("/secrets?q=x&page=4");
  });
});

describe("search params", () => {
  it("pages fall back to defaults per bad param and say so; the API is strict", () => {
    const { params, notes } = parseLenient(secretListSchema, { q: "pay", page: "-1", sort: "owner" });
    expect(params).toMatchObject({ q: "pay", page: 1, sort: "score" });
    expect(notes.join(" ")).toMatch(/page/);
    expect(notes.join(" ")).toMatch(/sort/);
    expect(() => parseStrict(secretListSchema, new URLSearchParams("page=-1"))).toThrow();
  });
});

describe("wording", () => {
  it("says durations the way the pages do", () => {
    expect(formatSeconds(300)).toBe("5 min");
    expect(formatSeconds(3720)).toBe("1 h 2 min");
    expect(formatPropagation(null)).toBe("until restart");
  });
});
