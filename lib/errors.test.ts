import { describe, expect, it, vi } from "vitest";
import { AppError, ERROR_STATUS, toActionFailure, toHttpResponse } from "./errors";

describe("toHttpResponse", () => {
  it("maps every AppError code to its status and a JSON body with code and message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      const res = toHttpResponse(new AppError(code as keyof typeof ERROR_STATUS));
      expect(res.status, code).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(0);
    }
    log.mockRestore();
  });

  it("keeps the cause of an AppError out of the response", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = toHttpResponse(new AppError("upstream_error", { cause: new Error("vault token s.abcdef rejected") }));
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain("s.abcdef");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("turns anything else into 500 internal_error and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = toHttpResponse("a thrown string with a password");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("password");
    expect(JSON.parse(text)).toMatchObject({ error: { code: "internal_error", reference: expect.any(String) } });
    log.mockRestore();
  });

  it("gives server actions the same public shape", () => {
    expect(toActionFailure(new AppError("forbidden"))).toEqual({ ok: false, error: { code: "forbidden", message: "Your role does not allow this." } });
  });
});
