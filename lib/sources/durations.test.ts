import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { durationSeconds, parseDuration } from "./durations";

describe("parseDuration", () => {
  it.each([
    ["1h", 3600], ["30m", 1800], ["1h30m", 5400], ["90s", 90], ["720h", 2592000], ["3600", 3600],
    ["0", 0], ["1.5h", 5400], ["500ms", 0.5], ["2m30s", 150], ["1d", 86400], [" 5m ", 300],
  ])("%s -> %d seconds", (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds });
  });

  it("accepts plain numbers of seconds", () => {
    expect(parseDuration(900)).toEqual({ ok: true, seconds: 900 });
  });

  it.each(["", "h", "1x", "-1h", "1h-", "1 h", "abc", "1h30", "NaN"])("rejects %j", (text) => {
    expect(parseDuration(text).ok).toBe(false);
  });

  it("rejects non-strings and negative numbers, reporting through the callback", () => {
    const messages: string[] = [];
    expect(durationSeconds({}, (m) => messages.push(m))).toBeNull();
    expect(durationSeconds(-5, (m) => messages.push(m))).toBeNull();
    expect(durationSeconds(undefined, (m) => messages.push(m))).toBeNull();
    expect(messages).toHaveLength(2);
  });

  it("never throws", () => {
    fc.assert(fc.property(fc.anything(), (v) => { parseDuration(v); }));
    fc.assert(fc.property(fc.stringMatching(/^[0-9.hmsdnuµ+-]{0,12}$/), (v) => { parseDuration(v); }));
  });
});
