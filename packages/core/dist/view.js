/**
 * The API server view of one pod spec for one targeted minor, as notes/k8s-semantics.md describes
 * the create path: decode (fields unknown in that version, type errors) -> drop (gated fields
 * silently cleared) -> what validation then sees. Rules read this view; they never re-derive it.
 */
import { isObject } from './discovery.js';
import { fieldExists } from './target.js';
export const containerLists = ['initContainers', 'containers', 'ephemeralContainers'];
const versionedField = {
    restartPolicy: 'container.restartPolicy',
    restartPolicyRules: 'container.restartPolicyRules',
};
export function goJsonType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    if (typeof value === 'boolean')
        return 'bool';
    if (typeof value === 'number' || typeof value === 'bigint')
        return 'number';
    if (typeof value === 'string')
        return 'string';
    return 'object';
}
function gateOff(minor, gate) {
    return gate in minor.gates && minor.gates[gate] === false;
}
/** Which gate, if any, makes the API server clear this field of this container on create. */
function dropGate(list, field, value, minor) {
    // 1.28-1.32 with SidecarContainers off: every init container's restartPolicy, whatever its value.
    if (list === 'initContainers' && field === 'restartPolicy' && gateOff(minor, 'SidecarContainers'))
        return 'SidecarContainers';
    // 1.34-1.35 with ContainerRestartRules off: everything of KEP-5307, but an init container's exact Always.
    if (gateOff(minor, 'ContainerRestartRules')) {
        if (list === 'initContainers' && field === 'restartPolicy' && value === 'Always')
            return null;
        return 'ContainerRestartRules';
    }
    return null;
}
function viewContainer(list, index, spec, site, minor) {
    const declared = { restartPolicy: 'restartPolicy' in spec, restartPolicyRules: 'restartPolicyRules' in spec };
    const effective = { restartPolicy: undefined, restartPolicyRules: undefined };
    const unknownFields = [];
    const dropped = [];
    const decodeErrors = [];
    for (const field of ['restartPolicy', 'restartPolicyRules']) {
        if (!declared[field])
            continue;
        const value = spec[field];
        if (!fieldExists(versionedField[field], minor.minor)) {
            unknownFields.push({ field, value });
            continue;
        }
        if (value === null)
            continue;
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
    const role = list === 'ephemeralContainers' ? 'ephemeral' : list === 'containers' ? 'app' : effective.restartPolicy === 'Always' ? 'sidecar' : 'init';
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
export function apiServerView(site, minor) {
    const byList = { initContainers: [], containers: [], ephemeralContainers: [] };
    for (const list of containerLists) {
        const entries = site.spec[list];
        if (!Array.isArray(entries))
            continue;
        entries.forEach((entry, index) => {
            if (isObject(entry))
                byList[list].push(viewContainer(list, index, entry, site, minor));
        });
    }
    return { minor, site, containers: [...byList.initContainers, ...byList.containers, ...byList.ephemeralContainers], byList };
}
//# sourceMappingURL=view.js.map