import { parse } from "@cdktf/hcl2json";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatExpr } from "./hcl-format";
import { heredoc } from "./hcl-model";
import { heredocMarkerFor } from "./heredoc";
import { fromParsedLiteral, hasTemplateExpression, hclString } from "./hcl-string";

/** Pieces that break naive HCL writers: quotes, escapes, both template introducers, heredoc markers. */
const HOSTILE = ['"', "\\", "${", "%{", "$${", "%%{", "}", "{", "\n", "\r", "\t", "EOT", "<<EOT", "\nEOT\n", "\u202e", "\u2066", "\u200b", "\u0000", "\u007f", "\u2028", "а", "ℯ", "😀", "../", "#", "//", "/*", "*/", "=", "]"];
const hostileText = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })), { maxLength: 30 }).map((parts) => parts.join("").normalize("NFC"));

async function roundTrip(valueText: string): Promise<unknown> {
  const doc = (await parse("x.tf", `resource "a" "b" {\n  v = ${valueText}\n}\n`)) as { resource: { a: { b: { v: unknown }[] } } };
  return doc.resource.a.b[0]?.v;
}

describe("hclString", () => {
  it("parses back to exactly the value, with nothing interpolated, for hostile text", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (value) => {
        const shown = await roundTrip(hclString(value));
        expect(typeof shown).toBe("string");
        expect(hasTemplateExpression(shown as string)).toBe(false);
        expect(fromParsedLiteral(shown as string)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps any NFC text exact (HCL normalises strings to NFC), including very long strings", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 200 }).map((v) => v.normalize("NFC")), async (value) => {
      expect(fromParsedLiteral((await roundTrip(hclString(value))) as string)).toBe(value);
    }), { numRuns: 200 });
    const long = `${"${x}%{y}\"\\".repeat(5000)}EOT\n`;
    expect(fromParsedLiteral((await roundTrip(hclString(long))) as string)).toBe(long);
  });

  it("detects interpolation the way HCL scans it", () => {
    expect(hasTemplateExpression("$$${{")).toBe(false);
    expect(hasTemplateExpression("$${x}")).toBe(false);
    expect(hasTemplateExpression("$$$${x}")).toBe(false); // "$$" then the escape "$${": terraform console agrees
    expect(hasTemplateExpression("a ${x}")).toBe(true);
    expect(hasTemplateExpression("a %{ if b }")).toBe(true);
  });

  it("writes invisible and bidirectional characters as visible escapes", () => {
    expect(hclString("a\u202eb\u200bc\u0000")).toBe('"a\\u202eb\\u200bc\\u0000"');
    expect(hclString("${x} %{if}")).toBe('"$${x} %%{if}"');
  });
});

describe("heredoc", () => {
  it("is only used when the text provably survives it, and then it does", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText.map((t) => `${t}\n`), async (text) => {
        const marker = heredocMarkerFor(text);
        if (!marker) return;
        const shown = await roundTrip(formatExpr(heredoc(text), 2));
        expect(fromParsedLiteral(shown as string)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses text that could close, interpolate or be re-indented", () => {
    expect(heredocMarkerFor('path "x" {\n  capabilities = ["read"]\n}\n')).toBe("EOT");
    expect(heredocMarkerFor("/*\nEOT\n*/\n")).toBe("EOP"); // a bare marker line inside a comment
    expect(heredocMarkerFor("a ${b}\n")).toBeNull();
    expect(heredocMarkerFor("a %{ if x }\n")).toBeNull();
    expect(heredocMarkerFor("  all indented\n  lines\n")).toBeNull();
    expect(heredocMarkerFor("a\n   \nb\n")).toBeNull(); // whitespace-only line
    expect(heredocMarkerFor("tab\tinside\n")).toBeNull();
    expect(heredocMarkerFor("no newline at the end")).toBeNull();
    expect(heredocMarkerFor("EOT EOP POLICY END_OF_POLICY RADIUS_END_OF_TEXT\n")).toBeNull();
    expect(() => heredoc("x ${y}\n")).toThrow();
  });
});
