import { describe, expect, it } from "vitest";
import { csvStream } from "@/lib/inventory/csv";
import { CERTIFICATE_CSV } from "./csv-columns";
import type { CertificateRow } from "./types";

const row: CertificateRow = {
  cluster: "primary", mount: "pki", serial: "01", commonName: '=HYPERLINK("http://x"), "a"', sans: ["DNS:a", "IP:10.0.0.1"], notBefore: "2026-01-01T00:00:00.000Z",
  notAfter: "2026-02-01T00:00:00.000Z", revoked: false, revokedAt: null, role: null, keyType: "rsa", keyBits: 1024, weak: true, status: "valid",
  secretKey: null, team: null, environment: null, consumers: [{ key: "k8s:a/b/deployment/c", name: "c" }], consumerCount: 3,
};

async function* once<T>(rows: T[]) {
  yield rows;
}

describe("certificate CSV", () => {
  it("is RFC 4180 with formula-safe cells", async () => {
    const text = await new Response(csvStream(CERTIFICATE_CSV, once([row]))).text();
    const [header, line] = text.split("\r\n");
    expect(header).toBe("cluster,mount,serial,common_name,sans,status,not_before,not_after,revoked_at,role,key_type,key_bits,weak_key,secret,team,environment,consumers");
    expect(line).toContain(`"'=HYPERLINK(""http://x""), ""a"""`);
    expect(line).toContain(",DNS:a IP:10.0.0.1,");
    expect(line).toContain(",1024,true,");
    expect(line).toContain("k8s:a/b/deployment/c (+2 more)");
  });
});
