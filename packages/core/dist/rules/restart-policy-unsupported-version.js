import { containerLabel, defineRule } from '../rule.js';
import { strictUnknownField } from './shared.js';
export const restartPolicyUnsupportedVersion = defineRule({
    id: 'restart-policy-unsupported-version',
    defaultSeverity: 'error',
    category: 'api',
    description: 'A restart field that does not exist in the target version, or a sidecar for a kubelet that cannot run it',
    rationale: 'Container restartPolicy exists from 1.28 and restartPolicyRules from 1.34. Older API servers do not know them: with strict field validation (what kubectl sends) the request fails with "strict decoding error: unknown field"; without it the field is dropped with a warning, and a dropped restartPolicy: Always turns a sidecar into a blocking init container. A kubelet older than 1.28, or one with SidecarContainers off, cannot run sidecars even when the API server accepts them.',
    howToFix: 'Target a version that has the field, or upgrade the kubelets before relying on native sidecars.',
    fixable: null,
    check({ view, minor, report }) {
        for (const container of view.containers) {
            for (const unknown of container.unknownFields) {
                const path = [...container.path, unknown.field];
                const sidecarLost = container.list === 'initContainers' && unknown.field === 'restartPolicy' && unknown.value === 'Always';
                if (minor.fieldValidation === 'strict') {
                    report({ path, span: 'entry', effect: 'Rejected', message: strictUnknownField(path) });
                }
                else {
                    report({
                        path,
                        span: 'entry',
                        effect: 'Dropped with a warning',
                        severity: sidecarLost ? 'error' : 'warning',
                        message: sidecarLost
                            ? `unknown field, so init container ${containerLabel(container)} becomes a plain init container that blocks the pod until it exits.`
                            : 'unknown field, the API server ignores it.',
                    });
                }
            }
            if (container.role === 'sidecar' && !minor.kubeletSupportsSidecars) {
                const kubeletKnowsField = Number(minor.kubeletVersion.split('.')[1]) >= 28;
                report({
                    path: [...container.path, 'restartPolicy'],
                    span: 'value',
                    effect: `Not run by kubelet ${minor.kubeletVersion}`,
                    message: kubeletKnowsField
                        ? `the kubelet rejects the pod at admission (InitContainerRestartPolicyForbidden) because SidecarContainers is off there.`
                        : `the kubelet does not know restartPolicy, so sidecar ${containerLabel(container)} runs as a plain init container that blocks the pod until it exits.`,
                });
            }
        }
    },
});
//# sourceMappingURL=restart-policy-unsupported-version.js.map