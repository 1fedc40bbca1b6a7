import type { Iso, VaultWorld } from "../vault-world";
import type { GroundTruth } from "./ground-truth-types";

export type Env = "dev" | "staging" | "prod";
export type Tier = "nonprod" | "prod";
export type Mechanism = "vault-agent" | "eso" | "csi" | "ci-oidc";
export type Reload = "hot" | "restart" | "per-run";

/** Explicit sizes; `scale` derives them (see scale.ts) and any field given here wins. */
export interface DemoCounts {
  teams: number;
  services: number;
  /** KV v2 secrets, exact. */
  secrets: number;
  certificates: number;
  leases: number;
  /** Read sessions written to the normal audit traffic (caps the log size at large scales). */
  auditSessions: number;
}

export interface DemoOptions {
  seed?: number;
  scale?: number;
  counts?: Partial<DemoCounts>;
  now: Date;
}

/** A file of the generated organisation, path relative to the output directory. */
export interface DemoFile {
  path: string;
  content: string;
}

export interface DemoOrganisation {
  seed: number;
  scale: number;
  now: Iso;
  counts: DemoCounts;
  company: { name: string; domain: string; githubOrg: string };
  /** clusters[0] is the primary cluster and is written as world.json. */
  clusters: VaultWorld[];
  /** Terraform repo files (terraform/...), plus its commits so the writer can make a real git repo. */
  terraform: { files: DemoFile[]; commits: TerraformCommit[] };
  /** manifests/, workflows/, catalog/, audit/ files. */
  files: DemoFile[];
  groundTruth: GroundTruth;
}

export interface TerraformCommit {
  message: string;
  date: Iso;
  /** Files (paths relative to terraform/) that this commit adds; the last commit adds the rest. */
  paths: string[];
}
