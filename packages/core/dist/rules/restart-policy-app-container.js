import { containerLabel, defineRule } from '../rule.js';
import { canonicalCase, decodeErrorMessage, gateOn, sidecarsEverywhere, unsupportedValue } from './shared.js';
const supported = ['Always', 'Never', 'OnFailure'];
export const restartPolicyAppContainer = defineRule({
    id: 'restart-policy-app-container',
    defaultSeverity: 'error',
    category: 'api',
    description: 'A restartPolicy on an app container where the target forbids it or rejects its value',
    rationale: 'From 1.28 to 1.33 the API server refuses restartPolicy on regular containers ("Forbidden: may not be set for non-init containers"), whatever the value: a sidecar belongs in initContainers. From 1.34 with ContainerRestartRules on (1.35 by default) it is allowed and overrides the pod restartPolicy for that container, but only Always, Never and OnFailure are accepted. With the gate off on 1.34 the field is silently dropped (reported by restart-policy-dropped).',
    howToFix: 'Move a sidecar into initContainers with restartPolicy: Always, or remove the field where the target does not support container restart policies.',
    fixable: 'both',
    example: {
        bad: 'containers:\n  - name: app\n    image: example/app:1\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: Always',
        good: 'initContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: Always\ncontainers:\n  - name: app\n    image: example/app:1',
    },
    check({ site, view, minor, target, fixes, report }) {
        for (const container of view.byList.containers) {
            for (const error of container.decodeErrors) {
                if (error.field !== 'restartPolicy')
                    continue;
                report({ path: [...container.path, 'restartPolicy'], span: 'value', effect: 'Rejected', message: decodeErrorMessage(container, error) });
            }
            const value = container.restartPolicy;
            if (value === undefined)
                continue;
            const path = [...container.path, 'restartPolicy'];
            if (gateOn(minor, 'ContainerRestartRules')) {
                if (supported.includes(value))
                    continue;
                const canonical = canonicalCase(value, supported);
                const fix = canonical === undefined ? undefined : fixes.replaceScalar(path, canonical, `Write restartPolicy: ${canonical} on container ${containerLabel(container)}.`);
                report({ path, span: 'value', effect: 'Rejected', message: unsupportedValue(value, supported), ...(fix ? { fix } : {}) });
                continue;
            }
            const canMove = value === 'Always' && view.byList.containers.length > 1 && sidecarsEverywhere(target.minors);
            const move = canMove
                ? fixes.moveToInitContainers(site.specPath, container.index, `Move container ${containerLabel(container)} into initContainers as a native sidecar.`, false)
                : undefined;
            report({
                path,
                span: 'entry',
                effect: 'Rejected',
                message: 'Forbidden: may not be set for non-init containers.',
                ...(move ? { suggestions: [move] } : {}),
            });
        }
    },
});
//# sourceMappingURL=restart-policy-app-container.js.map