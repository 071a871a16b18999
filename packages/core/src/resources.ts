/**
 * The pod's effective resource request with sidecars, as the scheduler, kubelet admission and
 * quota compute it (KEP-753 "Resources calculation"; notes/k8s-semantics.md §5), per resource:
 *
 *   max( sum(app containers) + sum(sidecars), max over init containers of InitContainerUse )
 *
 * where a sidecar's InitContainerUse is the running total of the sidecars so far and a plain init
 * container's is its own request plus the sidecars started before it. Pod overhead is left out.
 */

export interface ContainerRequest {
  sidecar: boolean;
  /** The request of one resource in base units (millicores, bytes); 0 when not requested. */
  amount: number;
}

export function effectiveRequest(initContainers: readonly ContainerRequest[], appContainers: readonly number[]): number {
  let sidecars = 0;
  let largestInitStep = 0;
  for (const init of initContainers) {
    if (init.sidecar) {
      sidecars += init.amount;
      largestInitStep = Math.max(largestInitStep, sidecars);
    } else {
      largestInitStep = Math.max(largestInitStep, init.amount + sidecars);
    }
  }
  const running = appContainers.reduce((sum, amount) => sum + amount, 0) + sidecars;
  return Math.max(running, largestInitStep);
}

const binarySuffixes: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimalSuffixes: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/**
 * A Kubernetes quantity ("100m", "0.5", "128Mi", "1e3", 2) as a number of base units, or null
 * when it is not one (the API server rejects those; this rule then has nothing to add).
 */
export function parseQuantity(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^\+?([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/.exec(value.trim());
  if (!match) return null;
  const number = Number(match[1]! + (match[2] ?? ''));
  const suffix = match[3] ?? '';
  return number * (binarySuffixes[suffix] ?? decimalSuffixes[suffix]!);
}

/** CPU in cores as Kubernetes prints it: "800m", "2", "1500m". */
export function formatCpu(cores: number): string {
  const millis = Math.ceil(Math.round(cores * 1e6) / 1e3);
  return millis % 1000 === 0 ? `${millis / 1000}` : `${millis}m`;
}

/** Memory in bytes with the largest binary suffix that divides it: "256Mi", "1Gi", "1500". */
export function formatMemory(bytes: number): string {
  const whole = Math.ceil(bytes);
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const unit = binarySuffixes[suffix]!;
    if (whole >= unit && whole % unit === 0) return `${whole / unit}${suffix}`;
  }
  return `${whole}`;
}
