/**
 * Pod spec discovery: where in a document the API server will find a pod spec. Built-in kinds and
 * well-known CRDs come from schemas/workload-kinds.json and always match on API group and kind
 * together (a batch.volcano.sh Job is not a batch/v1 Job); config adds kinds; unknown kinds get a
 * fallback that looks for pod-template-shaped objects.
 */
import { workloadKinds } from './generated/data.js';
import type { WorkloadClass, WorkloadKind } from './data-types.js';
import type { PathSegment } from './positions.js';
import type { Resource } from './types.js';

/** A kind the user maps to a pod spec in config (`podSpecPaths`). */
export interface PodSpecPathConfig {
  apiVersion: string;
  kind: string;
  path: string;
  workload?: WorkloadClass;
}

export type JsonObject = Record<string, unknown>;

export interface PodSpecSite {
  /** From the document root to the resource: [] or ["items", 3] for a List item. */
  resourcePath: PathSegment[];
  item?: number;
  resource: Resource;
  object: JsonObject;
  workload: WorkloadClass;
  /** A built-in kind, whose whole schema the API server knows (not a CRD, config entry or fallback). */
  builtin: boolean;
  /** Pods meant to run to completion: Jobs, CronJobs and batch-like CRDs. */
  completes: boolean;
  /** From the resource root to the pod spec, e.g. ["spec", "template", "spec"]. */
  specPath: PathSegment[];
  spec: JsonObject;
  /** From the resource root to the pod template's metadata (for annotations), if any. */
  templateMetadataPath: PathSegment[] | null;
  /** For Jobs and CronJobs: the path of the JobSpec, whose podFailurePolicy matters. */
  jobSpecPath: PathSegment[] | null;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The value at a path from a decoded object, or undefined where the path does not exist. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isObject(current) ? current[segment] : undefined;
  }
  return current;
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Old API groups that served the same kinds before apps/v1. */
const groupAliases: Record<string, string> = { extensions: 'apps' };

type KnownKind = WorkloadKind & { builtin: boolean };

/** group/kind -> every pod spec location of that kind (Ray and ARC kinds have several). */
const kindIndex = new Map<string, KnownKind[]>();
const addKind = (entry: KnownKind) => {
  const key = `${entry.group}/${entry.kind}`;
  kindIndex.set(key, [...(kindIndex.get(key) ?? []), entry]);
};
for (const entry of workloadKinds.builtin) addKind({ ...entry, builtin: true });
for (const entry of workloadKinds.crds) addKind({ ...entry, builtin: false });
const nonWorkload = new Set(workloadKinds.nonWorkloadKinds);
/** group/kind, or group/* for API groups whose every kind only describes pods (Gatekeeper constraints). */
const fallbackExcluded = new Set(
  workloadKinds.fallbackExcludedKinds.map((entry) => (typeof entry === 'string' ? entry : `${entry.group}/${entry.kind}`)),
);

type SpecPattern = ReadonlyArray<PathSegment | '*' | '[*]'>;

/** Parsed spec paths: a handful of distinct ones (the kind table's and config's), asked for per resource. */
const parsedSpecPaths = new Map<string, SpecPattern>();

function specPattern(path: string): SpecPattern {
  let pattern = parsedSpecPaths.get(path);
  if (!pattern) {
    pattern = parseSpecPath(path);
    parsedSpecPaths.set(path, pattern);
  }
  return pattern;
}

export function parseSpecPath(path: string): Array<PathSegment | '*' | '[*]'> {
  const segments: Array<PathSegment | '*' | '[*]'> = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[[^\]]*\])*)$/.exec(part);
    if (!match) continue;
    if (match[1]) segments.push(match[1] === '*' ? '*' : match[1]);
    for (const index of match[2]!.match(/\[[^\]]*\]/g) ?? []) {
      const inner = index.slice(1, -1);
      segments.push(inner === '*' ? '[*]' : Number(inner));
    }
  }
  return segments;
}

/** Every concrete path (and value) matching a spec path with `*` (map keys) and `[*]` (items). */
function expand(value: unknown, pattern: SpecPattern, prefix: PathSegment[] = []): Array<{ path: PathSegment[]; value: unknown }> {
  if (pattern.length === 0) return [{ path: prefix, value }];
  const [head, ...rest] = pattern;
  if (head === '*') {
    if (!isObject(value)) return [];
    return Object.keys(value).flatMap((key) => expand(value[key], rest, [...prefix, key]));
  }
  if (head === '[*]') {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, index) => expand(item, rest, [...prefix, index]));
  }
  if (typeof head === 'number') return Array.isArray(value) && head < value.length ? expand(value[head], rest, [...prefix, head]) : [];
  return isObject(value) && head! in value ? expand(value[head!], rest, [...prefix, head!]) : [];
}

/** apiVersion, kind, name and namespace of a resource, as the report shows them. */
export function resourceInfo(object: JsonObject): Resource {
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    apiVersion: text(object['apiVersion']),
    kind: text(object['kind']),
    name: text(metadata['name']) ?? text(metadata['generateName']),
    namespace: text(metadata['namespace']),
  };
}

/** A pod spec is an object with a container list; anything else is not checked. */
function looksLikePodSpec(value: unknown): value is JsonObject {
  return isObject(value) && (Array.isArray(value['containers']) || Array.isArray(value['initContainers']));
}

function templateMetadataOf(specPath: PathSegment[]): PathSegment[] | null {
  if (specPath.length === 1) return ['metadata'];
  if (specPath[specPath.length - 1] === 'spec') return [...specPath.slice(0, -1), 'metadata'];
  return null;
}

function jobSpecOf(workload: WorkloadClass, specPath: PathSegment[]): PathSegment[] | null {
  if (workload !== 'job' && workload !== 'cronjob') return null;
  // .../template/spec -> the JobSpec holding that template.
  return specPath.length >= 3 ? specPath.slice(0, -2) : null;
}

function site(
  object: JsonObject,
  resourcePath: PathSegment[],
  item: number | undefined,
  kind: { workload: WorkloadClass; builtin: boolean; completes?: boolean },
  specPath: PathSegment[],
  spec: JsonObject,
): PodSpecSite {
  return {
    resourcePath,
    ...(item === undefined ? {} : { item }),
    resource: resourceInfo(object),
    object,
    workload: kind.workload,
    builtin: kind.builtin,
    completes: kind.workload === 'job' || kind.workload === 'cronjob' || kind.completes === true,
    specPath,
    spec,
    templateMetadataPath: templateMetadataOf(specPath),
    jobSpecPath: jobSpecOf(kind.workload, specPath),
  };
}

/** Finds pod-template-shaped objects (`template.spec.containers`) in a document of an unknown kind. */
function fallbackSites(object: JsonObject, resourcePath: PathSegment[], item: number | undefined): PodSpecSite[] {
  const found: PodSpecSite[] = [];
  const visit = (value: unknown, path: PathSegment[], depth: number) => {
    if (depth > 12) return;
    if (Array.isArray(value)) {
      value.forEach((child, index) => visit(child, [...path, index], depth + 1));
      return;
    }
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'metadata' || key === 'status') continue;
      if (key === 'template' && isObject(child) && looksLikePodSpec(child['spec'])) {
        found.push(site(object, resourcePath, item, { workload: 'other', builtin: false }, [...path, 'template', 'spec'], child['spec'] as JsonObject));
        continue;
      }
      visit(child, [...path, key], depth + 1);
    }
  };
  visit(object, [], 0);
  return found;
}

function resourceSites(object: JsonObject, resourcePath: PathSegment[], item: number | undefined, extra: readonly PodSpecPathConfig[]): PodSpecSite[] {
  const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : null;
  const kind = typeof object['kind'] === 'string' ? object['kind'] : null;
  if (apiVersion === null || kind === null) return [];
  const group = groupOf(apiVersion);
  const configured = extra.filter(
    (entry) => entry.kind === kind && (entry.apiVersion.includes('/') ? entry.apiVersion === apiVersion : entry.apiVersion === group),
  );
  const known = kindIndex.get(`${groupAliases[group] ?? group}/${kind}`) ?? [];
  const mappings = configured.length > 0
    ? configured.map((entry) => ({ podSpecPath: entry.path, workload: entry.workload ?? ('other' as WorkloadClass), builtin: false }))
    : known;
  if (mappings.length === 0) {
    if (nonWorkload.has(kind) || fallbackExcluded.has(`${group}/${kind}`) || fallbackExcluded.has(`${group}/*`)) return [];
    return fallbackSites(object, resourcePath, item);
  }
  const sites: PodSpecSite[] = [];
  for (const mapping of mappings) {
    for (const match of expand(object, specPattern(mapping.podSpecPath))) {
      if (looksLikePodSpec(match.value)) sites.push(site(object, resourcePath, item, mapping, match.path, match.value));
    }
  }
  return sites;
}

/** A resource of a document: the document itself, or an item of a List. */
export interface ResourceRef {
  object: JsonObject;
  /** From the document root: [] or ["items", 3]. */
  resourcePath: PathSegment[];
  item?: number;
}

/** The resources of a decoded document: the object itself, or each object item of a `*List`. */
export function resourcesOf(value: unknown): ResourceRef[] {
  if (!isObject(value)) return [];
  const kind = value['kind'];
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(value['items'])) {
    return value['items'].flatMap((entry, index) => (isObject(entry) ? [{ object: entry, resourcePath: ['items', index], item: index }] : []));
  }
  return [{ object: value, resourcePath: [] }];
}

/** The pod spec sites of one resource. */
export function sitesOf(resource: ResourceRef, extra: readonly PodSpecPathConfig[] = []): PodSpecSite[] {
  return resourceSites(resource.object, resource.resourcePath, resource.item, extra);
}

/** All pod spec sites of a decoded document. */
export function podSpecSites(value: unknown, extra: readonly PodSpecPathConfig[] = []): PodSpecSite[] {
  return resourcesOf(value).flatMap((resource) => sitesOf(resource, extra));
}
