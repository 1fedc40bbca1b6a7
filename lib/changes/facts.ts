/**
 * What rendering and the blast-radius delta need to know about the active snapshot, as plain data
 * (loaded by load-facts.ts from the database; built by hand in unit tests).
 */
import type { ParsedPolicy } from "@/lib/policy";
import type { IdentityRecord, MembershipRecord } from "@/lib/sync/snapshot-data";

export interface SecretFact {
  key: string;
  cluster: string;
  mount: string;
  path: string;
  engineKind: string;
  /** Where a read of the value goes ("kv/data/x", "database/creds/app"). */
  dataPath: string;
  /** KV v2: "<mount>/metadata/<path>"; null for engines without metadata. */
  metadataPath: string | null;
  environment: string | null;
  ownerTeam: string | null;
  classification: string | null;
  rotationPeriodSeconds: number | null;
  customMetadata: Record<string, string>;
}

export type IdentityFact = IdentityRecord;

export interface PolicyFact {
  cluster: string;
  name: string;
  origin: "live" | "terraform";
  rawHcl: string;
  /** Null when the stored policy did not parse or has rules Vault would reject (not applied). */
  parsed: ParsedPolicy | null;
}

export interface ChangeFacts {
  snapshotId: string;
  identities: readonly IdentityFact[];
  memberships: readonly MembershipRecord[];
  policies: readonly PolicyFact[];
  /** KV v2 mounts known from the snapshot's secrets. */
  kvMounts: readonly { cluster: string; mount: string }[];
  secret(key: string): Promise<SecretFact | null>;
  /** Secrets of a cluster whose data or metadata path starts with one of the prefixes. */
  secretsUnder(cluster: string, prefixes: readonly string[]): Promise<SecretFact[]>;
}

export function metadataPathOf(secret: { engineKind: string; mount: string; path: string }): string | null {
  return secret.engineKind === "kv-v2" ? `${secret.mount}/metadata/${secret.path}` : null;
}
