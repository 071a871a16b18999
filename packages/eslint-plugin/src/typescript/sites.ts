/**
 * Where a cdk8s program builds a pod spec: `new Kube*(scope, id, props)` from generated
 * `imports/k8s` or cdk8s-plus's `k8s` namespace, `new ApiObject(scope, id, {apiVersion, kind, ...})`
 * from cdk8s, and, with type information, object literals typed as a generated PodSpec,
 * PodTemplateSpec, JobSpec... Each site becomes the static value of a whole Kubernetes object.
 */
import type { SourceCode } from 'eslint';
import type { TSESTree } from '@typescript-eslint/types';
import { workloadKinds } from '@sidecar-lint/core';
import type { Evaluator } from './evaluate.js';
import { generatedK8sMember } from './generated-k8s.js';
import { scalar, type Node, type ObjectEntry, type StaticValue } from './static-value.js';

export interface ResourceSite {
  /** The construct call or the typed literal. */
  node: Node;
  /** The construct id (second argument), when it is a literal: the last part of the construct path. */
  constructId: string | undefined;
  /** The whole object as cdk8s would synthesize it, as far as it is known. */
  resource: StaticValue;
}

const builtinGroups = new Map(workloadKinds.builtin.map((entry) => [entry.kind, entry.group]));

/** `KubeDeployment` -> apps/v1 Deployment; `KubeCronJobV1Beta1` -> batch/v1beta1 CronJob. */
export function kubeClassKind(className: string): { apiVersion: string; kind: string } | undefined {
  const match = /^Kube([A-Z][A-Za-z]*?)(V\d+(?:(?:Alpha|Beta)\d+)?)?$/.exec(className);
  if (!match) return undefined;
  const kind = match[1]!;
  const group = builtinGroups.get(kind);
  if (group === undefined) return undefined;
  const version = match[2]?.toLowerCase() ?? 'v1';
  return { apiVersion: group === '' ? version : `${group}/${version}`, kind };
}

/** The generated class a constructor names, if it comes from a k8s import. */
function kubeClassName(evaluator: Evaluator, callee: Node): string | undefined {
  const names = generatedK8sMember(evaluator.qualifiedName(callee));
  return names?.length === 1 ? names[0] : undefined;
}

function isApiObject(evaluator: Evaluator, callee: Node): boolean {
  const name = evaluator.qualifiedName(callee);
  return name?.source === 'cdk8s' && name.names.length === 1 && name.names[0] === 'ApiObject';
}

function synthetic(key: string, value: string, node: Node): ObjectEntry {
  return { key, value: scalar(value, node), keyNode: node, entryNode: node, valueNode: node };
}

function stringArgument(node: Node | undefined, evaluator: Evaluator): string | undefined {
  if (!node || node.type === 'SpreadElement') return undefined;
  const value = evaluator.evaluate(node);
  return value.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

function constructSite(node: TSESTree.NewExpression, evaluator: Evaluator): ResourceSite | undefined {
  const className = kubeClassName(evaluator, node.callee);
  const props = node.arguments[2];
  if (className !== undefined) {
    const gvk = kubeClassKind(className);
    if (!gvk || !props || props.type === 'SpreadElement') return undefined;
    const value = evaluator.evaluate(props);
    if (value.kind !== 'object') return undefined;
    const entries = [synthetic('apiVersion', gvk.apiVersion, node.callee), synthetic('kind', gvk.kind, node.callee), ...value.entries];
    return { node, constructId: stringArgument(node.arguments[1], evaluator), resource: { kind: 'object', entries, node: value.node } };
  }
  if (isApiObject(evaluator, node.callee)) {
    if (!props || props.type === 'SpreadElement') return undefined;
    const value = evaluator.evaluate(props);
    if (value.kind !== 'object') return undefined;
    return { node, constructId: stringArgument(node.arguments[1], evaluator), resource: value };
  }
  return undefined;
}

/** How a typed literal is wrapped into a whole object, by the generated type's name. */
const typedWrappers: Record<string, { apiVersion: string; kind: string; path: string[] }> = {
  PodSpec: { apiVersion: 'v1', kind: 'Pod', path: ['spec'] },
  PodTemplateSpec: { apiVersion: 'v1', kind: 'PodTemplate', path: ['template'] },
  JobSpec: { apiVersion: 'batch/v1', kind: 'Job', path: ['spec'] },
  JobTemplateSpec: { apiVersion: 'batch/v1', kind: 'CronJob', path: ['spec', 'jobTemplate'] },
  CronJobSpec: { apiVersion: 'batch/v1', kind: 'CronJob', path: ['spec'] },
  DeploymentSpec: { apiVersion: 'apps/v1', kind: 'Deployment', path: ['spec'] },
  StatefulSetSpec: { apiVersion: 'apps/v1', kind: 'StatefulSet', path: ['spec'] },
  DaemonSetSpec: { apiVersion: 'apps/v1', kind: 'DaemonSet', path: ['spec'] },
  ReplicaSetSpec: { apiVersion: 'apps/v1', kind: 'ReplicaSet', path: ['spec'] },
  ReplicationControllerSpec: { apiVersion: 'v1', kind: 'ReplicationController', path: ['spec'] },
};
export const typedSpecNames = new Set(Object.keys(typedWrappers));

/** Wraps a literal typed as a generated spec type into the object that would hold it. */
function typedSite(node: TSESTree.ObjectExpression, typeName: string, evaluator: Evaluator): ResourceSite | undefined {
  const wrapper = typedWrappers[typeName];
  if (!wrapper) return undefined;
  let value = evaluator.evaluate(node);
  if (value.kind !== 'object') return undefined;
  for (const key of [...wrapper.path].reverse()) {
    value = { kind: 'object', entries: [{ key, value, keyNode: node, entryNode: node, valueNode: node }], node };
  }
  const entries = [synthetic('apiVersion', wrapper.apiVersion, node), synthetic('kind', wrapper.kind, node), ...(value.kind === 'object' ? value.entries : [])];
  return { node, constructId: undefined, resource: { kind: 'object', entries, node } };
}

/** Visits every node once, in source order, parents before children. */
function walk(sourceCode: SourceCode, visit: (node: Node) => void): void {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Node[] = [sourceCode.ast as unknown as Node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children: Node[] = [];
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === 'object' && 'type' in item) children.push(item as Node);
      } else if (child && typeof child === 'object' && 'type' in child) {
        children.push(child as Node);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/**
 * Every site of a file. Constructs come first; the typed search then only looks at literals no
 * construct has read, outermost first, so one pod spec is never checked twice.
 */
export function findSites(sourceCode: SourceCode, evaluator: Evaluator, specTypeName?: (node: TSESTree.ObjectExpression) => string | undefined): ResourceSite[] {
  const sites: ResourceSite[] = [];
  const literals: TSESTree.ObjectExpression[] = [];
  walk(sourceCode, (node) => {
    if (node.type === 'NewExpression') {
      const site = constructSite(node, evaluator);
      if (site) sites.push(site);
    } else if (node.type === 'ObjectExpression' && specTypeName) {
      literals.push(node);
    }
  });
  if (specTypeName) {
    for (const literal of literals) {
      if (evaluator.consumed.has(literal)) continue;
      const typeName = specTypeName(literal);
      if (!typeName) continue;
      const site = typedSite(literal, typeName, evaluator);
      if (site) sites.push(site);
    }
  }
  return sites;
}
