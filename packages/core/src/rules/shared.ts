/** Small pieces several rules share: API server message forms and target questions. */
import { formatPath, type PathSegment } from '../positions.js';
import { fieldExists, type MinorTarget } from '../target.js';
import type { ContainerView, DecodeError } from '../view.js';
import { quote } from '../rule.js';

/** `Unsupported value: "always": supported values: "Always".` */
export function unsupportedValue(value: unknown, supported: readonly string[]): string {
  return `Unsupported value: ${quote(value)}: supported values: ${supported.map((v) => quote(v)).join(', ')}.`;
}

/** The Go struct path in a JSON type error: the JSON field names without list indices. */
export function goFieldPath(path: readonly PathSegment[]): string {
  return path.filter((segment) => typeof segment === 'string').join('.');
}

const goTypes: Record<string, string> = {
  restartPolicy: 'v1.ContainerRestartPolicy',
  restartPolicyRules: '[]v1.ContainerRestartRule',
};

/** The Go struct the decoder fills: ephemeral containers are their own type (its fields are promoted from EphemeralContainerCommon). */
export function goContainerStruct(container: ContainerView): string {
  return container.list === 'ephemeralContainers' ? 'EphemeralContainer' : 'Container';
}

/** The decoder's words for a value of the wrong JSON type. */
export function decodeErrorMessage(container: ContainerView, error: DecodeError): string {
  const field = goFieldPath([...container.path, error.field]);
  return `cannot unmarshal ${error.got} into Go struct field ${goContainerStruct(container)}.${field} of type ${goTypes[error.field]}.`;
}

export function strictUnknownField(path: readonly PathSegment[]): string {
  return `strict decoding error: unknown field ${quote(formatPath(path))}.`;
}

export function gateOn(minor: MinorTarget, gate: string): boolean {
  return minor.gates[gate] === true;
}

/** Exactly one of `supported`, whatever the case: the certain fix for `always`. */
export function canonicalCase(value: unknown, supported: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = supported.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
  return match !== undefined && match !== value ? match : undefined;
}

/** Does every targeted minor run native sidecars (API server and kubelet)? */
export function sidecarsEverywhere(minors: readonly MinorTarget[]): boolean {
  return minors.every((minor) => fieldExists('container.restartPolicy', minor.minor) && minor.gates['SidecarContainers'] === true && minor.kubeletSupportsSidecars);
}

export const probeFields = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;
