import type { WorkloadClass } from './data-types.js';
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
    /** From the resource root to the pod spec, e.g. ["spec", "template", "spec"]. */
    specPath: PathSegment[];
    spec: JsonObject;
    /** From the resource root to the pod template's metadata (for annotations), if any. */
    templateMetadataPath: PathSegment[] | null;
    /** For Jobs and CronJobs: the path of the JobSpec, whose podFailurePolicy matters. */
    jobSpecPath: PathSegment[] | null;
}
export declare function isObject(value: unknown): value is JsonObject;
export declare function parseSpecPath(path: string): Array<PathSegment | '*' | '[*]'>;
/** All pod spec sites of a decoded document: the resource itself, or each item of a List. */
export declare function podSpecSites(value: unknown, extra?: readonly PodSpecPathConfig[]): PodSpecSite[];
//# sourceMappingURL=discovery.d.ts.map