/**
 * The target: which Kubernetes minors a manifest must work on, with which feature gates, how the
 * API server validates fields, and which kubelet runs the pods. Resolved against the version table
 * (schemas/kubernetes-versions.json); defaults and locks come from the data, never from code.
 */
import { kubernetesVersions } from './generated/data.js';
import type { FieldValidation } from './types.js';

export interface TargetInput {
  /** "1.29", "v1.29", "1.29.4", or a range "1.29-1.33". Default: the table's defaultRange. */
  kubernetesVersion?: string;
  featureGates?: Record<string, boolean>;
  fieldValidation?: FieldValidation;
  /** The kubelets' minor, when older than the API server's ("1.27"). Default: the same minor. */
  kubeletVersion?: string;
}

/** One targeted minor with its resolved gates. */
export interface MinorTarget {
  version: string;
  minor: number;
  /** Every gate that exists in this minor, resolved (defaults, then overrides). */
  gates: Record<string, boolean>;
  fieldValidation: FieldValidation;
  /** The kubelet's minor and whether it runs native sidecars. */
  kubeletVersion: string;
  kubeletSupportsSidecars: boolean;
  /** True when this minor is past the table and was checked as the newest known one. */
  extrapolated: boolean;
}

export interface ResolvedTarget {
  minors: MinorTarget[];
  fieldValidation: FieldValidation;
  kubeletVersion: string | null;
  /** Things to tell the user that are not errors (a minor newer than the table). */
  warnings: string[];
}

/** A target that cannot be resolved: the CLI exits 2 with this message. */
export class TargetError extends Error {
  override name = 'TargetError';
}

const table = kubernetesVersions;
const knownMinors = table.versions.map((v) => minorOf(v.version));
const oldestMinor = Math.min(...knownMinors);
const newestMinor = Math.max(...knownMinors);

function minorOf(version: string): number {
  return Number(version.split('.')[1]);
}

export function versionString(minor: number): string {
  return `1.${minor}`;
}

/** Parses "1.29", "v1.29" or "1.29.4" into the minor number, or throws a TargetError. */
export function parseMinor(text: string, what = 'Kubernetes version'): number {
  const match = /^v?1\.(\d{1,3})(?:\.\d+)?$/.exec(text.trim());
  if (!match) {
    throw new TargetError(`Invalid ${what} "${text}": expected a minor such as "1.31" or a range such as "1.31-1.35".`);
  }
  return Number(match[1]);
}

/** Parses a version or a range into [first, last] minors. */
export function parseVersionRange(text: string): [number, number] {
  const parts = text.split('-').map((part) => part.trim());
  if (parts.length > 2 || parts.some((part) => part === '')) {
    throw new TargetError(`Invalid Kubernetes version "${text}": expected a minor such as "1.31" or a range such as "1.31-1.35".`);
  }
  const first = parseMinor(parts[0]!);
  const last = parts.length === 2 ? parseMinor(parts[1]!) : first;
  if (last < first) {
    throw new TargetError(`Invalid Kubernetes version range "${text}": the first minor is newer than the last.`);
  }
  return [first, last];
}

function entryFor(minor: number) {
  const clamped = Math.min(minor, newestMinor);
  return table.versions.find((v) => minorOf(v.version) === clamped)!;
}

/** Which kubelets run native sidecars: 1.28 and later with the kubelet's SidecarContainers gate on. */
function kubeletRunsSidecars(kubeletMinor: number, apiMinor: number, apiGates: Record<string, boolean>): boolean {
  if (kubeletMinor === apiMinor) return apiGates['SidecarContainers'] === true;
  if (kubeletMinor < oldestMinor) return false;
  return entryFor(kubeletMinor).gates['SidecarContainers']?.default === true;
}

export function resolveTarget(input: TargetInput = {}): ResolvedTarget {
  const warnings: string[] = [];
  const [first, last] = parseVersionRange(input.kubernetesVersion ?? table.defaultRange);
  if (first < oldestMinor) {
    throw new TargetError(
      `Kubernetes ${versionString(first)} is older than the oldest version sidecar-lint knows (${versionString(oldestMinor)}).`,
    );
  }
  if (last > newestMinor) {
    warnings.push(
      `Kubernetes ${versionString(last)} is newer than the newest version sidecar-lint knows; ` +
        `minors after ${versionString(newestMinor)} are checked as ${versionString(newestMinor)}.`,
    );
  }
  const fieldValidation = input.fieldValidation ?? 'strict';
  const kubeletMinor = input.kubeletVersion === undefined ? null : parseMinor(input.kubeletVersion, 'kubelet version');
  const overrides = input.featureGates ?? {};
  const minors: MinorTarget[] = [];
  for (let minor = first; minor <= last; minor++) {
    const entry = entryFor(minor);
    const gates: Record<string, boolean> = {};
    for (const [name, state] of Object.entries(entry.gates)) gates[name] = state.default;
    for (const [name, value] of Object.entries(overrides)) {
      const state = entry.gates[name];
      if (state && (!state.locked || state.default === value)) gates[name] = value;
    }
    const kubelet = kubeletMinor ?? minor;
    minors.push({
      version: versionString(minor),
      minor,
      gates,
      fieldValidation,
      kubeletVersion: versionString(kubelet),
      kubeletSupportsSidecars: kubeletRunsSidecars(kubelet, minor, gates),
      extrapolated: minor > newestMinor,
    });
  }
  checkOverrides(overrides, first, last);
  return { minors, fieldValidation, kubeletVersion: kubeletMinor === null ? null : versionString(kubeletMinor), warnings };
}

/**
 * A gate override must apply somewhere. On one minor a contradicted lock is refused in
 * kube-apiserver's own words; over a range it is an error only when no minor takes it.
 */
function checkOverrides(overrides: Record<string, boolean>, first: number, last: number): void {
  const span = first === last ? versionString(first) : `${versionString(first)}-${versionString(last)}`;
  for (const [name, value] of Object.entries(overrides)) {
    const states = [];
    for (let minor = first; minor <= last; minor++) {
      const state = entryFor(minor).gates[name];
      if (state) states.push(state);
    }
    if (states.length === 0) {
      throw new TargetError(`unrecognized feature gate: ${name} (it does not exist in Kubernetes ${span}).`);
    }
    if (states.every((state) => state.locked && state.default !== value)) {
      const lockedTo = states[0]!.default;
      throw new TargetError(
        `cannot set feature gate ${name} to ${value}, feature is locked to ${lockedTo} (Kubernetes ${span}).`,
      );
    }
  }
}

/** Since when a field of the version table exists ("container.restartPolicy"). */
export function fieldExists(field: string, minor: number): boolean {
  const since = table.fields[field]?.since;
  return since === undefined || minor >= minorOf(since);
}

/** Whether a version-specific validation behaviour of the table applies in this minor. */
export function behaviourApplies(name: string, minor: number): boolean {
  const since = table.behaviours[name]?.since;
  if (since === undefined) throw new Error(`unknown behaviour ${name} in kubernetes-versions.json`);
  return minor >= minorOf(since);
}

/**
 * Targeted minors the rules cannot tell apart: the same gates, fields, version behaviours, field
 * validation and kubelet (whose version only shows where it cannot run sidecars). Engines evaluate
 * one minor per group and let its findings hold for the whole group; the matrix, the rule tables
 * and the engine parity test check that nothing changes by it.
 */
export function equivalentMinors(minors: readonly MinorTarget[]): MinorTarget[][] {
  const cached = equivalenceCache.get(minors);
  if (cached) return cached;
  const groups = new Map<string, MinorTarget[]>();
  for (const minor of minors) {
    const key = JSON.stringify({
      gates: minor.gates,
      fields: Object.keys(table.fields).filter((field) => fieldExists(field, minor.minor)),
      behaviours: Object.keys(table.behaviours).filter((name) => behaviourApplies(name, minor.minor)),
      fieldValidation: minor.fieldValidation,
      kubelet: minor.kubeletSupportsSidecars || minor.kubeletVersion,
    });
    groups.set(key, [...(groups.get(key) ?? []), minor]);
  }
  const result = [...groups.values()];
  equivalenceCache.set(minors, result);
  return result;
}

/** A target is resolved once and linted against many times: group its minors once. */
const equivalenceCache = new WeakMap<readonly MinorTarget[], MinorTarget[][]>();

export function knownVersions(): string[] {
  return table.versions.map((v) => v.version);
}

/** "1.29", "1.29-1.31", "1.29, 1.31-1.33": compact form of a sorted list of minors. */
export function formatVersions(versions: string[]): string {
  const minors = versions.map(minorOf).sort((a, b) => a - b);
  const runs: string[] = [];
  let start = minors[0]!;
  let previous = start;
  for (const minor of [...minors.slice(1), Number.NaN]) {
    if (minor === previous + 1) {
      previous = minor;
      continue;
    }
    runs.push(start === previous ? versionString(start) : `${versionString(start)}-${versionString(previous)}`);
    start = minor;
    previous = minor;
  }
  return runs.join(', ');
}
