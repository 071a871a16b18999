/** Small pieces several rules share: API server message forms and target questions. */
import { type PathSegment } from '../positions.js';
import { type MinorTarget } from '../target.js';
import type { ContainerView, DecodeError } from '../view.js';
/** `Unsupported value: "always": supported values: "Always".` */
export declare function unsupportedValue(value: unknown, supported: readonly string[]): string;
/** The decoder's words for a value of the wrong JSON type. */
export declare function decodeErrorMessage(container: ContainerView, error: DecodeError): string;
export declare function strictUnknownField(path: readonly PathSegment[]): string;
export declare function gateOn(minor: MinorTarget, gate: string): boolean;
/** Exactly one of `supported`, whatever the case: the certain fix for `always`. */
export declare function canonicalCase(value: unknown, supported: readonly string[]): string | undefined;
/** Does every targeted minor run native sidecars (API server and kubelet)? */
export declare function sidecarsEverywhere(minors: readonly MinorTarget[]): boolean;
export declare const probeFields: readonly ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"];
//# sourceMappingURL=shared.d.ts.map