/**
 * Any policy that follows the OPA wasm ABI (`opa build -t wasm`, or our own compiler): each of its
 * `deny`, `warn` and `violation` entrypoints is evaluated with the resource as input, and every
 * result becomes a finding. The rule id is the package path; the position comes from a `path` in
 * the violation's details where present, else the resource itself.
 */
import { opaWasm } from './opa-wasm.js';
import { parsePath, type EngineReport, type MinorTarget, type ResourceRef, type Severity } from '@sidecar-lint/core';
import { hostBuiltins, memoryDescriptor } from './builtins.js';

const { loadPolicySync } = opaWasm;

type LoadedPolicy = ReturnType<typeof loadPolicySync>;

export interface CustomPolicy {
  /** Where it came from, for messages. */
  name: string;
  policy: LoadedPolicy;
  /** entrypoint name -> what its results are. */
  entrypoints: Array<{ name: string; ruleId: string; kind: 'deny' | 'warn' | 'violation' }>;
}

const kinds = ['deny', 'warn', 'violation'] as const;

export class PolicyLoadError extends Error {
  override name = 'PolicyLoadError';
}

/** Loads a compiled policy and finds its deny/warn/violation entrypoints (`pkg/path/deny`). */
export function loadCustomPolicy(name: string, wasm: Uint8Array, data: object = {}): CustomPolicy {
  let policy: LoadedPolicy;
  try {
    policy = loadPolicySync(wasm as Uint8Array<ArrayBuffer>, memoryDescriptor, hostBuiltins);
  } catch (error) {
    throw new PolicyLoadError(`${name}: not an OPA wasm policy (${error instanceof Error ? error.message : String(error)}).`);
  }
  policy.setData(data);
  const entrypoints = Object.keys(policy.entrypoints).flatMap((entrypoint) => {
    const parts = entrypoint.split('/');
    const kind = parts[parts.length - 1] as (typeof kinds)[number];
    if (!kinds.includes(kind) || parts.length < 2) return [];
    return [{ name: entrypoint, ruleId: parts.slice(0, -1).join('.'), kind }];
  });
  if (entrypoints.length === 0) throw new PolicyLoadError(`${name}: has no deny, warn or violation entrypoint.`);
  return { name, policy, entrypoints };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function asMessage(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function customPolicyReports(policies: readonly CustomPolicy[], resource: ResourceRef, minor: MinorTarget): EngineReport[] {
  const reports: EngineReport[] = [];
  for (const { policy, entrypoints } of policies) {
    for (const entrypoint of entrypoints) {
      const results = policy.evaluate(resource.object, entrypoint.name) as Array<{ result: unknown }>;
      const values = results[0]?.result;
      const items: unknown[] = Array.isArray(values) ? values : values === undefined ? [] : [values];
      for (const item of items) {
        const severity: Severity = entrypoint.kind === 'warn' ? 'warning' : 'error';
        let message = asMessage(item);
        let path: string | null = null;
        if (entrypoint.kind === 'violation' && typeof item === 'object' && item !== null) {
          const violation = item as { msg?: unknown; details?: { path?: unknown } };
          message = asMessage(violation.msg ?? item);
          if (typeof violation.details?.path === 'string') path = violation.details.path;
        }
        reports.push({
          ruleId: entrypoint.ruleId,
          minor,
          path: path === null ? [] : parsePath(path),
          span: path === null ? 'missing' : 'entry',
          message: sentence(message),
          severity,
          distinctBy: `${entrypoint.kind}\u0000${message}`,
        });
      }
    }
  }
  return reports;
}
