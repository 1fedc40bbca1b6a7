import type { Rng } from "./prng";

/**
 * Every secret value in the demo world carries this prefix. The portal must never read a value, so the
 * prefix must never show up in its database, logs, pages or exports; tests grep for it.
 */
export const DEMO_CANARY_PREFIX = "RADIUS-CANARY-";

export const canaryValue = (rng: Rng): string => `${DEMO_CANARY_PREFIX}${rng.hex(12)}`;
