/**
 * CRL freshness: thisUpdate / nextUpdate of a PEM or DER CRL. Node has no CRL parser, so this uses
 * @peculiar/x509 (its DI container needs the Reflect polyfill loaded before it).
 */
import "reflect-metadata";
import { X509Crl } from "@peculiar/x509";

export interface CrlTimes {
  thisUpdate: string;
  nextUpdate: string | null;
  revokedCount: number;
}

export function parseCrl(input: string | Uint8Array): CrlTimes {
  const crl = typeof input === "string" ? new X509Crl(input.trim()) : new X509Crl(new Uint8Array(input));
  return {
    thisUpdate: crl.thisUpdate.toISOString(),
    nextUpdate: crl.nextUpdate ? crl.nextUpdate.toISOString() : null,
    revokedCount: crl.entries.length,
  };
}
