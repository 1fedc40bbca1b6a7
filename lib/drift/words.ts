/** The wording of differences (pure, safe anywhere). */
import { formatSeconds } from "@/lib/inventory/format";

export const listWords = (values: readonly string[], none = "none"): string => (values.length === 0 ? none : values.join(", "));

export const durationWords = (seconds: number | null): string =>
  seconds === null ? "not set (default)" : Number.isNaN(seconds) ? "unreadable" : `${formatSeconds(seconds)} (${seconds} s)`;

export const claimsWords = (claims: Record<string, string[]>): string => {
  const keys = Object.keys(claims);
  return keys.length === 0 ? "none" : keys.map((k) => `${k}=${claims[k]!.join("|")}`).join(", ");
};

export const where = (file: string, line: number | null): string => (line ? `${file}:${line}` : file);
