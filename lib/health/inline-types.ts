/** The small status object the secret and workload pages show inline (safe for the client). */
export interface InlineHealth {
  leases: { count: number; soonestExpiry: string | null; expired: number; renewalFailures: number; expiringWithin1h: number };
  certificates: { count: number; soonestNotAfter: string | null; expiringWithin7d: number; expired: number; revoked: number; weak: number };
}

export const EMPTY_INLINE_HEALTH: InlineHealth = {
  leases: { count: 0, soonestExpiry: null, expired: 0, renewalFailures: 0, expiringWithin1h: 0 },
  certificates: { count: 0, soonestNotAfter: null, expiringWithin7d: 0, expired: 0, revoked: 0, weak: 0 },
};
