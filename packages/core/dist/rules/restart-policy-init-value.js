import { containerLabel, defineRule } from '../rule.js';
import { canonicalCase, decodeErrorMessage, gateOn, unsupportedValue } from './shared.js';
export const restartPolicyInitValue = defineRule({
    id: 'restart-policy-init-value',
    defaultSeverity: 'error',
    category: 'api',
    description: 'An init container restartPolicy value that the target API server rejects',
    rationale: 'On an init container, restartPolicy: Always makes a native sidecar. Until ContainerRestartRules is on (1.34 alpha, 1.35 beta) it is the only value the API server accepts; with the gate on, OnFailure and Never are accepted too and make a plain init container with its own policy. Anything else, including a lower-case "always", is refused with "Unsupported value".',
    howToFix: 'Write exactly Always for a sidecar; the fixer corrects the case.',
    fixable: 'fix',
    example: {
        bad: 'initContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: always',
        good: 'initContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: Always',
    },
    check({ view, minor, fixes, report }) {
        for (const container of view.byList.initContainers) {
            for (const error of container.decodeErrors) {
                if (error.field !== 'restartPolicy')
                    continue;
                report({ path: [...container.path, 'restartPolicy'], span: 'value', effect: 'Rejected', message: decodeErrorMessage(container, error) });
            }
            const value = container.restartPolicy;
            if (value === undefined)
                continue;
            const supported = gateOn(minor, 'ContainerRestartRules') ? ['Always', 'Never', 'OnFailure'] : ['Always'];
            if (supported.includes(value))
                continue;
            const path = [...container.path, 'restartPolicy'];
            const canonical = canonicalCase(value, supported);
            const fix = canonical === undefined ? undefined : fixes.replaceScalar(path, canonical, `Write restartPolicy: ${canonical} on init container ${containerLabel(container)}.`);
            report({ path, span: 'value', effect: 'Rejected', message: unsupportedValue(value, supported), ...(fix ? { fix } : {}) });
        }
    },
});
//# sourceMappingURL=restart-policy-init-value.js.map