import { containerLabel, defineRule } from '../rule.js';
import { fieldExists } from '../target.js';
import { looksLongRunning } from '../heuristics.js';
import { probeFields, sidecarsEverywhere } from './shared.js';
export const initContainerProbes = defineRule({
    id: 'init-container-probes',
    defaultSeverity: 'error',
    category: 'api',
    description: 'Probes or lifecycle hooks on a plain init container',
    rationale: 'Only sidecars (init containers with restartPolicy: Always after the API server\'s drops) may have lifecycle, livenessProbe, readinessProbe or startupProbe. On any other init container the API server refuses each of them with "Forbidden: may not be set for init containers without restartPolicy=Always" (1.27: "may not be set for init containers"). Where a gate drops restartPolicy: Always, the probes of the would-be sidecar are refused too.',
    howToFix: 'Make the container a sidecar with restartPolicy: Always if it is long-running, or remove the probes.',
    fixable: 'suggestion',
    check({ view, minor, target, fixes, report }) {
        const sidecarFieldExists = fieldExists('container.restartPolicy', minor.minor);
        for (const container of view.byList.initContainers) {
            if (container.role !== 'init')
                continue;
            for (const field of probeFields) {
                if (container.spec[field] === undefined || container.spec[field] === null)
                    continue;
                const canSuggest = !container.declared.restartPolicy && sidecarsEverywhere(target.minors) && looksLongRunning(container.spec);
                const suggestion = canSuggest
                    ? fixes.addField(container.path, 'restartPolicy', 'Always', `Add restartPolicy: Always to make ${containerLabel(container)} a native sidecar.`)
                    : undefined;
                report({
                    path: [...container.path, field],
                    span: 'entry',
                    effect: 'Rejected',
                    message: sidecarFieldExists
                        ? 'Forbidden: may not be set for init containers without restartPolicy=Always.'
                        : 'Forbidden: may not be set for init containers.',
                    ...(suggestion ? { suggestions: [suggestion] } : {}),
                });
            }
        }
    },
});
//# sourceMappingURL=init-container-probes.js.map