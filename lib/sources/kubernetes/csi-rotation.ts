/**
 * Secrets Store CSI driver rotation is a driver flag (Helm values `enableSecretRotation`,
 * `rotationPollInterval`, default off / 2m: https://secrets-store-csi-driver.sigs.k8s.io/topics/secret-auto-rotation),
 * invisible in application manifests. Radius reads it from, most specific first:
 *   1. the workload (labels/annotations), 2. the SecretProviderClass annotations, 3. the parse option.
 * Keys: `radius.dev/csi-rotation: "true"|"false"`, and `radius.dev/csi-rotation-poll-interval` or
 * `secrets-store.csi.k8s.io/rotation-poll-interval` (a duration; implies rotation on).
 */
import { durationSeconds } from "../durations";

export interface CsiRotation {
  enabled: boolean;
  pollIntervalSeconds: number;
  via: string;
}

export const DEFAULT_CSI_ROTATION: CsiRotation = { enabled: false, pollIntervalSeconds: 120, via: "driver default (rotation off)" };
const SWITCH = "radius.dev/csi-rotation";
const INTERVALS = ["radius.dev/csi-rotation-poll-interval", "secrets-store.csi.k8s.io/rotation-poll-interval"];

export function resolveCsiRotation(layers: { where: string; values: Record<string, string> }[], fallback: CsiRotation, onInvalid: (m: string) => void): CsiRotation {
  for (const layer of layers) {
    const interval = INTERVALS.find((k) => layer.values[k] !== undefined);
    const flag = layer.values[SWITCH];
    if (flag === "false") return { enabled: false, pollIntervalSeconds: fallback.pollIntervalSeconds, via: `${SWITCH}=false on ${layer.where}` };
    if (interval) {
      const seconds = durationSeconds(layer.values[interval], onInvalid);
      if (seconds !== null) return { enabled: true, pollIntervalSeconds: seconds, via: `${interval} on ${layer.where}` };
    }
    if (flag === "true") return { enabled: true, pollIntervalSeconds: 120, via: `${SWITCH}=true on ${layer.where}` };
  }
  return fallback;
}
