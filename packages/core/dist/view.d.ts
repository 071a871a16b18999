/**
 * The API server view of one pod spec for one targeted minor, as notes/k8s-semantics.md describes
 * the create path: decode (fields unknown in that version, type errors) -> drop (gated fields
 * silently cleared) -> what validation then sees. Rules read this view; they never re-derive it.
 */
import { type JsonObject, type PodSpecSite } from './discovery.js';
import type { PathSegment } from './positions.js';
import { type MinorTarget } from './target.js';
export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';
export type ContainerRole = 'init' | 'sidecar' | 'app' | 'ephemeral';
export type RestartField = 'restartPolicy' | 'restartPolicyRules';
export declare const containerLists: readonly ContainerList[];
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
    declared: {
        restartPolicy: boolean;
        restartPolicyRules: boolean;
    };
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
export declare function goJsonType(value: unknown): string;
export declare function apiServerView(site: PodSpecSite, minor: MinorTarget): PodView;
//# sourceMappingURL=view.d.ts.map