/**
 * Names from the generated Kubernetes API module of a cdk8s app: `imports/k8s` written by `cdk8s import`,
 * or cdk8s-plus's copy (its `k8s` namespace, or `cdk8s-plus-NN/lib/imports/k8s`).
 */
import type { QualifiedName } from './evaluate.js';

export const cdk8sPlusModule = /^cdk8s-plus-\d+$/;
const generatedK8s = /(^|[\\/])imports[\\/]k8s(\.js|\.ts)?$/;
const plusK8s = /^cdk8s-plus-\d+\/lib\/imports\/k8s(\.js)?$/;

/** The member path inside the generated module (`['KubePod']`, `['IntOrString', 'fromNumber']`), if the name comes from it. */
export function generatedK8sMember(name: QualifiedName | undefined): string[] | undefined {
  if (!name) return undefined;
  if (cdk8sPlusModule.test(name.source)) return name.names[0] === 'k8s' ? name.names.slice(1) : undefined;
  return generatedK8s.test(name.source) || plusK8s.test(name.source) ? name.names : undefined;
}

/**
 * The generated wrapper types whose synthesized JSON is just the wrapped value
 * (their toJson writes `obj.<field>?.value`): `IntOrString.fromNumber(8080)` is 8080 in the manifest.
 */
export const valueWrappers: Record<string, Record<string, 'number' | 'string'>> = {
  IntOrString: { fromNumber: 'number', fromString: 'string' },
  Quantity: { fromNumber: 'number', fromString: 'string' },
};
