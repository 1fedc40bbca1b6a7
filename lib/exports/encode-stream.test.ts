import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { encodeExportStream, type StreamSummary } from "./encode-stream";
import { parseCsv, readAll } from "./test-helpers";

async function* batches(...list: Record<string, string | number | null>[][]) {
  for (const b of list) yield b;
}

describe("encodeExportStream", () => {
  it("writes valid JSON and CSV for zero rows and many batches, hashing exactly the bytes sent", async () => {
    for (const rowsIn of [[], [[{ a: "x", b: 1 }], [], [{ a: "=cmd", b: null }, { a: 'q"uote,\nline', b: 3 }]]]) {
      for (const format of ["csv", "json"] as const) {
        let summary: StreamSummary | null = null;
        const stream = encodeExportStream({ format, columns: ["a", "b"], meta: { dataset: "t" }, batches: batches(...rowsIn), onComplete: async (s) => void (summary = s), onError: vi.fn() });
        const bytes = await readAll(stream);
        const flat = rowsIn.flat();
        expect(summary).toEqual({ rows: flat.length, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
        if (format === "json") expect(JSON.parse(bytes.toString("utf8"))).toEqual({ export: { dataset: "t" }, columns: ["a", "b"], rows: flat });
        else expect(parseCsv(bytes.toString("utf8"))).toEqual(flat.map((r) => ({ a: String(r.a), b: r.b === null ? "" : String(r.b) })));
      }
    }
  });

  it("reports a failure mid-stream and errors the stream instead of ending it cleanly", async () => {
    const onError = vi.fn(async () => undefined);
    const onComplete = vi.fn(async () => undefined);
    async function* failing() {
      yield [{ a: "1" }];
      throw new Error("snapshot replaced");
    }
    await expect(readAll(encodeExportStream({ format: "csv", columns: ["a"], meta: {}, batches: failing(), onComplete, onError }))).rejects.toThrow("snapshot replaced");
    expect(onComplete).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(expect.any(Error), expect.objectContaining({ rows: 1 }));
  });
});
