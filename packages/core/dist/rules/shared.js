/** Small pieces several rules share: API server message forms and target questions. */
import { formatPath } from '../positions.js';
import { fieldExists } from '../target.js';
import { quote } from '../rule.js';
/** `Unsupported value: "always": supported values: "Always".` */
export function unsupportedValue(value, supported) {
    return `Unsupported value: ${quote(value)}: supported values: ${supported.map((v) => quote(v)).join(', ')}.`;
}
/** The Go struct path in a JSON type error: the JSON field names without list indices. */
function goFieldPath(path) {
    return path.filter((segment) => typeof segment === 'string').join('.');
}
const goTypes = {
    restartPolicy: 'v1.ContainerRestartPolicy',
    restartPolicyRules: '[]v1.ContainerRestartRule',
};
/** The decoder's words for a value of the wrong JSON type. */
export function decodeErrorMessage(container, error) {
    const field = goFieldPath([...container.path, error.field]);
    return `cannot unmarshal ${error.got} into Go struct field Container.${field} of type ${goTypes[error.field]}.`;
}
export function strictUnknownField(path) {
    return `strict decoding error: unknown field ${quote(formatPath(path))}.`;
}
export function gateOn(minor, gate) {
    return minor.gates[gate] === true;
}
/** Exactly one of `supported`, whatever the case: the certain fix for `always`. */
export function canonicalCase(value, supported) {
    if (typeof value !== 'string')
        return undefined;
    const match = supported.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
    return match !== undefined && match !== value ? match : undefined;
}
/** Does every targeted minor run native sidecars (API server and kubelet)? */
export function sidecarsEverywhere(minors) {
    return minors.every((minor) => fieldExists('container.restartPolicy', minor.minor) && minor.gates['SidecarContainers'] === true && minor.kubeletSupportsSidecars);
}
export const probeFields = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'];
//# sourceMappingURL=shared.js.map