/**
 * The API server view of one pod spec for one targeted minor, as notes/k8s-semantics.md describes
 * the create path: decode (fields unknown in that version, type errors) -> drop (gated fields
 * silently cleared) -> what validation then sees. Rules read this view; they never re-derive it.
 */
import { isObject, type JsonObject, type PodSpecSite } from './discovery.js';
import type { PathSegment } from './positions.js';
import { fieldExists, type MinorTarget } from './target.js';

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';
export type ContainerRole = 'init' | 'sidecar' | 'app' | 'ephemeral';
export type RestartField = 'restartPolicy' | 'restartPolicyRules';

export const containerLists: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface UnknownField {
  field: RestartField;
  /** The value as written: an init container's `Always` matters most when it is lost. */
  value: unknown;
}

export interface DroppedField {
  field: RestartField;
  value: unknown;
  gate: string;
}

export interface DecodeError {
  field: RestartField;
  /** Go's JSON type name of the value (bool, number, array, object, string). */
  got: string;
  expected: string;
}

export interface ContainerView {
  list: ContainerList;
  index: number;
  /** From the resource root: spec.template.spec.initContainers[1]. */
  path: PathSegment[];
  spec: JsonObject;
  name: string | undefined;
  /** After the API server's drops: a sidecar is an init container whose restartPolicy is exactly Always. */
  role: ContainerRole;
  /** What validation sees (undefined when absent, null-valued, unknown in this version, or dropped). */
  restartPolicy: unknown;
  restartPolicyRules: unknown;
  /** Set when the field is present in the manifest (even if dropped later). */
  declared: { restartPolicy: boolean; restartPolicyRules: boolean };
  unknownFields: UnknownField[];
  dropped: DroppedField[];
  decodeErrors: DecodeError[];
}

export interface PodView {
  minor: MinorTarget;
  site: PodSpecSite;
  containers: ContainerView[];
  byList: Record<ContainerList, ContainerView[]>;
}

const versionedField: Record<RestartField, string> = {
  restartPolicy: 'container.restartPolicy',
  restartPolicyRules: 'container.restartPolicyRules',
};

export function goJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'string') return 'string';
  return 'object';
}

function gateOff(minor: MinorTarget, gate: string): boolean {
  return gate in minor.gates && minor.gates[gate] === false;
}

/** Which gate, if any, makes the API server clear this field of this container on create. */
function dropGate(list: ContainerList, field: RestartField, value: unknown, minor: MinorTarget): string | null {
  // 1.28-1.32 with SidecarContainers off: every init container's restartPolicy, whatever its value.
  if (list === 'initContainers' && field === 'restartPolicy' && gateOff(minor, 'SidecarContainers')) return 'SidecarContainers';
  // 1.34-1.35 with ContainerRestartRules off: everything of KEP-5307, but an init container's exact Always.
  if (gateOff(minor, 'ContainerRestartRules')) {
    if (list === 'initContainers' && field === 'restartPolicy' && value === 'Always') return null;
    return 'ContainerRestartRules';
  }
  return null;
}

function viewContainer(list: ContainerList, index: number, spec: JsonObject, site: PodSpecSite, minor: MinorTarget): ContainerView {
  const declared = { restartPolicy: 'restartPolicy' in spec, restartPolicyRules: 'restartPolicyRules' in spec };
  const effective: Record<RestartField, unknown> = { restartPolicy: undefined, restartPolicyRules: undefined };
  const unknownFields: UnknownField[] = [];
  const dropped: DroppedField[] = [];
  const decodeErrors: DecodeError[] = [];
  for (const field of ['restartPolicy', 'restartPolicyRules'] as const) {
    if (!declared[field]) continue;
    const value = spec[field];
    if (!fieldExists(versionedField[field], minor.minor)) {
      unknownFields.push({ field, value });
      continue;
    }
    if (value === null) continue;
    const got = goJsonType(value);
    const expected = field === 'restartPolicy' ? 'string' : 'array';
    if (got !== expected) {
      decodeErrors.push({ field, got, expected });
      continue;
    }
    const gate = dropGate(list, field, value, minor);
    if (gate !== null) {
      dropped.push({ field, value, gate });
      continue;
    }
    effective[field] = value;
  }
  const role: ContainerRole =
    list === 'ephemeralContainers' ? 'ephemeral' : list === 'containers' ? 'app' : effective.restartPolicy === 'Always' ? 'sidecar' : 'init';
  return {
    list,
    index,
    path: [...site.specPath, list, index],
    spec,
    name: typeof spec['name'] === 'string' ? spec['name'] : undefined,
    role,
    restartPolicy: effective.restartPolicy,
    restartPolicyRules: effective.restartPolicyRules,
    declared,
    unknownFields,
    dropped,
    decodeErrors,
  };
}

export function apiServerView(site: PodSpecSite, minor: MinorTarget): PodView {
  const byList: Record<ContainerList, ContainerView[]> = { initContainers: [], containers: [], ephemeralContainers: [] };
  for (const list of containerLists) {
    const entries = site.spec[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, index) => {
      if (isObject(entry)) byList[list].push(viewContainer(list, index, entry, site, minor));
    });
  }
  return { minor, site, containers: [...byList.initContainers, ...byList.containers, ...byList.ephemeralContainers], byList };
}
