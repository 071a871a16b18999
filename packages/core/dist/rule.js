export function defineRule(rule) {
    if (!rule.description || rule.description.endsWith('.'))
        throw new Error(`rule ${rule.id}: description must be a phrase without a final period`);
    return rule;
}
/** `"name"` of a container for messages, or its position when it has no name. */
export function containerLabel(container) {
    return container.name !== undefined ? `"${container.name}"` : `${container.list}[${container.index}]`;
}
/** JSON-quoting as apimachinery renders values of named string types. */
export function quote(value) {
    return JSON.stringify(value);
}
//# sourceMappingURL=rule.js.map