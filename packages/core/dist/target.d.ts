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
export declare class TargetError extends Error {
    name: string;
}
export declare function versionString(minor: number): string;
/** Parses "1.29", "v1.29" or "1.29.4" into the minor number, or throws a TargetError. */
export declare function parseMinor(text: string, what?: string): number;
/** Parses a version or a range into [first, last] minors. */
export declare function parseVersionRange(text: string): [number, number];
export declare function resolveTarget(input?: TargetInput): ResolvedTarget;
/** Since when a field of the version table exists ("container.restartPolicy"). */
export declare function fieldExists(field: string, minor: number): boolean;
/** Whether a version-specific validation behaviour of the table applies in this minor. */
export declare function behaviourApplies(name: string, minor: number): boolean;
export declare function knownVersions(): string[];
/** "1.29", "1.29-1.31", "1.29, 1.31-1.33": compact form of a sorted list of minors. */
export declare function formatVersions(versions: string[]): string;
//# sourceMappingURL=target.d.ts.map