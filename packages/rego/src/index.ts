/**
 * The Rego engine: sidecar-lint's Rego twins, compiled to WebAssembly by our own compiler, run
 * through @open-policy-agent/opa-wasm once per resource and targeted minor. Findings then go
 * through the core's merging, ranges and suppressions exactly like the core engine's; fixes and
 * suggestions come from the core's fixers, as DESIGN §5 says.
 */
import { defaultPoliciesWasm } from './policies-file.js';
import { opaWasm } from './opa-wasm.js';
import {
  coreEngine,
  equivalentMinors,
  parsePath,
  sidecarsEverywhere,
  type Engine,
  type EngineContext,
  type EngineReport,
  type MinorTarget,
  type PodSpecSite,
  type ResolvedTarget,
  type ResourceRef,
  type Severity,
  type Span,
} from '@sidecar-lint/core';
import { hostBuiltins, memoryDescriptor } from './builtins.js';
import { customPolicyReports, type CustomPolicy } from './custom-policies.js';

const { loadPolicySync } = opaWasm;

export const findingsEntrypoint = 'sidecar_lint/findings';


/** One finding of the aggregate entrypoint, as the policies write it. */
interface RegoFinding {
  ruleId: string;
  severity: Severity;
  path: string;
  span: Span;
  effect: string | null;
  message: string;
}

type LoadedPolicy = ReturnType<typeof loadPolicySync>;

/** The target document the policies read from data.sidecar_lint.target, for one minor. */
export function targetDocument(minor: MinorTarget, target: ResolvedTarget, podSpecPaths: readonly unknown[] = []) {
  return {
    podSpecPaths,
    kubernetesVersion: minor.version,
    featureGates: minor.gates,
    fieldValidation: minor.fieldValidation,
    kubeletVersion: minor.kubeletVersion,
    sidecarsEverywhere: sidecarsEverywhere(target.minors),
  };
}


export interface RegoEngineOptions {
  /** The compiled twins; default: dist/policies.wasm built from policies/. */
  policies?: Uint8Array;
  /** Any other OPA wasm policies (--policy): their deny/warn/violation results become findings. */
  custom?: readonly CustomPolicy[];
}

/** Instances of the policy module, one per distinct target document (setData stays out of the hot path). */
class PolicyInstances {
  private readonly module: WebAssembly.Module;
  private readonly byTarget = new Map<string, LoadedPolicy>();

  constructor(wasm: Uint8Array) {
    this.module = new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>);
  }

  for(data: unknown): LoadedPolicy {
    const key = JSON.stringify(data);
    let policy = this.byTarget.get(key);
    if (!policy) {
      policy = loadPolicySync(this.module, memoryDescriptor, hostBuiltins);
      policy.setData(data as object);
      this.byTarget.set(key, policy);
    }
    return policy;
  }
}

function isFinding(value: unknown): value is RegoFinding {
  const f = value as RegoFinding;
  return typeof f === 'object' && f !== null && typeof f.ruleId === 'string' && typeof f.path === 'string' && typeof f.message === 'string';
}

/** Fixes and suggestions of the core's own report at the same rule, path and minor. */
function coreFixes(resource: ResourceRef, sites: readonly PodSpecSite[], context: EngineContext) {
  const byKey = new Map<string, EngineReport>();
  for (const report of coreEngine.evaluate(resource, sites, context)) {
    if (report.fix || report.suggestions) byKey.set(`${report.ruleId}|${report.minor.version}|${JSON.stringify(report.path)}`, report);
  }
  return byKey;
}

export function createRegoEngine(options: RegoEngineOptions = {}): Engine {
  const twins = new PolicyInstances(options.policies ?? defaultPoliciesWasm());
  const custom = options.custom ?? [];
  return {
    evaluatesEveryResource: custom.length > 0,
    evaluate(resource, sites, context) {
      const reports: EngineReport[] = [];
      const enabled = new Set(context.rules.map((rule) => rule.id));
      // The core's fixers run only for resources that have findings: most have none.
      let fixes: Map<string, EngineReport> | undefined;
      const coreReportAt = (key: string) => (fixes ??= coreFixes(resource, sites, context)).get(key);
      if (sites.length > 0) {
        // Once per group of minors the rules cannot tell apart (the core does the same).
        for (const minors of equivalentMinors(context.target.minors)) {
          const policy = twins.for({ sidecar_lint: { target: targetDocument(minors[0]!, context.target, context.podSpecPaths) } });
          const results = policy.evaluate(resource.object, findingsEntrypoint) as Array<{ result: unknown }>;
          for (const value of (results[0]?.result as unknown[] | undefined) ?? []) {
            if (!isFinding(value) || !enabled.has(value.ruleId)) continue;
            const path = parsePath(value.path);
            for (const minor of minors) {
              const core = coreReportAt(`${value.ruleId}|${minor.version}|${JSON.stringify(path)}`);
              reports.push({
                ruleId: value.ruleId,
                minor,
                path,
                span: value.span,
                ...(value.effect ? { effect: value.effect } : {}),
                message: value.message,
                severity: value.severity,
                ...(core?.fix ? { fix: core.fix } : {}),
                ...(core?.suggestions ? { suggestions: core.suggestions } : {}),
              });
            }
          }
        }
      }
      for (const minor of context.target.minors) reports.push(...customPolicyReports(custom, resource, minor));
      return reports;
    },
  };
}

export { loadCustomPolicy, PolicyLoadError, type CustomPolicy } from './custom-policies.js';
export { hostBuiltins, hostBuiltinArities, memoryDescriptor } from './builtins.js';
export { defaultPoliciesWasm } from './policies-file.js';
