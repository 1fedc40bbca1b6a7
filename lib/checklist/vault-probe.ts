// No "server-only": recordDailyHistory runs from instrumentation.ts (history-scheduler.ts), which
// Next.js compiles outside the react-server build where that package throws. Server code only.
import { z } from "zod";
import type { VaultReader } from "@/lib/vault";

/** What Vault itself says about sealing and auditing, per cluster; null = Vault did not tell us. */
export interface VaultProbeResult {
  address: string;
  sealType: string | null;
  sealError: string | null;
  auditDevices: { path: string; type: string }[] | null;
  auditError: string | null;
}

export interface VaultProbe {
  probe(): Promise<VaultProbeResult[]>;
}

const sealStatusSchema = z.object({ type: z.string().min(1) });
const auditListSchema = z.object({ data: z.record(z.string(), z.object({ type: z.string() })) });

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);

async function probeOne(reader: VaultReader): Promise<VaultProbeResult> {
  const [seal, audit] = await Promise.allSettled([reader.read("sys/seal-status"), reader.read("sys/audit")]);
  const result: VaultProbeResult = { address: reader.address, sealType: null, sealError: null, auditDevices: null, auditError: null };
  if (seal.status === "fulfilled") {
    const parsed = sealStatusSchema.safeParse(seal.value);
    if (parsed.success) result.sealType = parsed.data.type;
    else result.sealError = "sys/seal-status did not name a seal type";
  } else result.sealError = message(seal.reason);
  if (audit.status === "fulfilled") {
    const parsed = auditListSchema.safeParse(audit.value ?? { data: {} });
    if (parsed.success) result.auditDevices = Object.entries(parsed.data.data).map(([path, d]) => ({ path: path.replace(/\/+$/, ""), type: d.type }));
    else result.auditError = "sys/audit answered in an unexpected shape";
  } else result.auditError = message(audit.reason);
  return result;
}

/**
 * Reads sys/seal-status and sys/audit (both read-only; the audit list needs the sudo named in the
 * shipped least-privilege policy) from every cluster. Answers are cached for `ttlMs` so a busy
 * dashboard does not hammer Vault; a failure is an answer too (the item says "unknown, because").
 */
export function createVaultProbe(readers: () => VaultReader[], ttlMs = 60_000): VaultProbe {
  let cached: { at: number; value: Promise<VaultProbeResult[]> } | null = null;
  return {
    probe() {
      if (!cached || Date.now() - cached.at > ttlMs) cached = { at: Date.now(), value: Promise.all(readers().map(probeOne)) };
      return cached.value;
    },
  };
}

/** Seal types that unseal without operators (Vault's seal stanza names). */
export const AUTO_UNSEAL_TYPES = new Set(["awskms", "gcpckms", "azurekeyvault", "transit", "pkcs11", "ocikms", "alicloudkms", "kmip"]);
