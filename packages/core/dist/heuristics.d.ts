import type { PatternEntry } from './data-types.js';
import { type JsonObject } from './discovery.js';
/** `docker.io/istio/proxyv2:1.22@sha256:...` -> `docker.io/istio/proxyv2`. */
export declare function imageName(image: unknown): string;
/** The command line as one string: command and args joined by spaces. */
export declare function commandLine(container: JsonObject): string;
export declare function knownLongRunningImage(container: JsonObject): PatternEntry | null;
export declare function longRunningCommand(container: JsonObject): PatternEntry | null;
export declare function oneShotCommand(container: JsonObject): PatternEntry | null;
/** Why a container looks like it never exits on its own, or null. */
export declare function longRunningReason(container: JsonObject): string | null;
export declare function looksLongRunning(container: JsonObject): boolean;
export declare function meshAnnotations(): {
    key: string;
    values?: string[];
    mesh: string;
}[];
export declare function legacyWorkarounds(): {
    kind: "annotation" | "command" | "env" | string;
    key?: string;
    contains?: string;
    pattern?: string;
    name?: string;
}[];
//# sourceMappingURL=heuristics.d.ts.map