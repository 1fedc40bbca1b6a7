/**
 * What the inventory hands to pages, components and the JSON API: plain serialisable objects
 * (ISO strings, no Prisma models, never secret material). Safe for the client.
 */

export interface PageOf<T> {
  rows: T[];
  page: number;
  pageSize: number;
  /** Matches, counted up to COUNT_CAP + 1; `totalCapped` means "at least COUNT_CAP". */
  total: number;
  totalCapped: boolean;
}

/** Null before the first successful sync: pages say so instead of showing empty tables. */
export type SnapshotRef = { id: string } | null;

export interface SecretRow {
  key: string;
  cluster: string;
  mount: string;
  path: string;
  engineKind: string;
  lifecycle: string;
  environment: string | null;
  ownerTeam: string | null;
  classification: string | null;
  lastRotatedAt: string | null;
  readerCount: number;
  listOnlyCount: number;
  consumerCount: number;
  dependentCount: number;
  /** Null = unbounded: a consumer only gets a new value when it restarts. */
  propagationSeconds: number | null;
  restartBound: boolean;
  exposureScore: number;
}

export interface SecretFacets {
  mounts: string[];
  environments: string[];
  teams: string[];
  engines: string[];
  classifications: string[];
}

export interface SecretList extends PageOf<SecretRow> {
  snapshot: SnapshotRef;
  facets: SecretFacets;
}

export interface IdentityRef {
  key: string;
  cluster: string;
  kind: string;
  authMount: string;
  roleName: string;
  displayName: string | null;
}

export interface WorkloadRef {
  key: string;
  name: string;
  kind: string;
  namespace: string | null;
  ownerTeam: string | null;
}

export interface ExposureTerm {
  term: string;
  points: number;
  detail: string;
}
