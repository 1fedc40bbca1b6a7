/**
 * Environment and owner where Vault does not say them.
 * - KV v2: `custom_metadata.environment` wins; else a path segment that names an environment
 *   ("payments/prod/api"); else a token of the mount name ("kv-prod").
 * - Dynamic roles (database, aws) have no custom metadata: a token of the role name, then of the
 *   mount name ("database-prod"). Owner: the `owner` of KV secrets whose `service` metadata equals
 *   the role name, else the one team (`team-<x>` owners seen in KV) whose name appears as whole
 *   tokens in the role name ("deploy-data-platform" -> team-data-platform); ambiguous -> null.
 *   Only facts Vault itself states are used; a wrong guessed owner would send reviews to the
 *   wrong team, so anything unclear stays null.
 */
import type { SecretRecord } from "@/lib/sync/snapshot-data";

const ENVIRONMENTS: Record<string, string> = {
  dev: "dev", development: "dev", staging: "staging", stage: "staging", stg: "staging", qa: "qa", test: "test",
  uat: "uat", prod: "prod", production: "prod", prd: "prod", nonprod: "nonprod", sandbox: "sandbox",
};

const tokens = (name: string) => name.toLowerCase().split(/[-_.]/).filter(Boolean);

export function environmentFromSegments(segments: readonly string[]): string | null {
  for (const s of segments) {
    const env = ENVIRONMENTS[s.toLowerCase()];
    if (env) return env;
  }
  return null;
}

export function environmentFromName(name: string): string | null {
  return environmentFromSegments(tokens(name));
}

export function inferKvEnvironment(mount: string, path: string, custom: Record<string, string>): string | null {
  return custom.environment || environmentFromSegments(path.split("/")) || environmentFromName(mount);
}

export function inferRoleEnvironment(mount: string, role: string): string | null {
  return environmentFromName(role) ?? environmentFromName(mount);
}

export interface OwnerIndex {
  byService: Map<string, string | null>;
  teams: string[];
}

export function buildOwnerIndex(kv: readonly SecretRecord[]): OwnerIndex {
  const byService = new Map<string, string | null>();
  const teams = new Set<string>();
  for (const s of kv) {
    const service = s.customMetadata.service;
    if (s.ownerTeam?.startsWith("team-")) teams.add(s.ownerTeam);
    if (!service || !s.ownerTeam) continue;
    const known = byService.get(service);
    // Two owners for one service name: not a fact any more.
    byService.set(service, known === undefined || known === s.ownerTeam ? s.ownerTeam : null);
  }
  return { byService, teams: [...teams] };
}

export function inferRoleOwner(role: string, index: OwnerIndex): string | null {
  const service = index.byService.get(role);
  if (service) return service;
  const words = tokens(role);
  const matches = index.teams
    .map((team) => ({ team, words: tokens(team.slice("team-".length)) }))
    .filter((t) => t.words.length > 0 && containsRun(words, t.words));
  const longest = Math.max(0, ...matches.map((m) => m.words.length));
  const best = matches.filter((m) => m.words.length === longest);
  return best.length === 1 ? best[0]!.team : null;
}

function containsRun(haystack: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= haystack.length; i++) if (run.every((w, j) => haystack[i + j] === w)) return true;
  return false;
}
