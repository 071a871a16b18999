/**
 * Reading intent from a container: is it a known long-running helper (mesh proxy, DB proxy, log
 * shipper, agent), does its command run forever or to completion? The patterns live in
 * schemas/heuristics.json, shared with the Rego twins.
 */
import { heuristics } from './generated/data.js';
import { isObject } from './discovery.js';
const compile = (entries) => (entries ?? []).map((entry) => ({ entry, regex: new RegExp(entry.pattern) }));
const longRunningImages = compile(heuristics.longRunningImages);
const longRunningCommands = compile(heuristics.longRunningCommands);
const oneShotCommands = compile(heuristics.oneShotCommands);
const serverCommands = compile(heuristics.serverCommands);
/** `docker.io/istio/proxyv2:1.22@sha256:...` -> `docker.io/istio/proxyv2`. */
export function imageName(image) {
    if (typeof image !== 'string')
        return '';
    let name = image.trim();
    const at = name.indexOf('@');
    if (at >= 0)
        name = name.slice(0, at);
    const colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/'))
        name = name.slice(0, colon);
    return name;
}
/** The command line as one string: command and args joined by spaces. */
export function commandLine(container) {
    const parts = [];
    for (const field of ['command', 'args']) {
        const value = container[field];
        if (Array.isArray(value))
            for (const part of value)
                if (typeof part === 'string')
                    parts.push(part);
    }
    return parts.join(' ');
}
const first = (list, text) => {
    if (text === '')
        return null;
    for (const { entry, regex } of list)
        if (regex.test(text))
            return entry;
    return null;
};
export function knownLongRunningImage(container) {
    return first(longRunningImages, imageName(container['image']));
}
export function longRunningCommand(container) {
    return first(longRunningCommands, commandLine(container)) ?? first(serverCommands, commandLine(container));
}
export function oneShotCommand(container) {
    return first(oneShotCommands, commandLine(container));
}
function declaresPorts(container) {
    return Array.isArray(container['ports']) && container['ports'].length > 0;
}
/** Why a container looks like it never exits on its own, or null. */
export function longRunningReason(container) {
    const image = knownLongRunningImage(container);
    if (image)
        return `its image is ${image.name}`;
    const command = longRunningCommand(container);
    if (command)
        return `it runs ${command.name}`;
    if (declaresPorts(container))
        return 'it declares ports';
    return null;
}
export function looksLongRunning(container) {
    return longRunningReason(container) !== null || isObject(container['readinessProbe']) || isObject(container['livenessProbe']);
}
export function meshAnnotations() {
    return heuristics.meshAnnotations;
}
export function legacyWorkarounds() {
    return heuristics.legacyWorkarounds;
}
//# sourceMappingURL=heuristics.js.map