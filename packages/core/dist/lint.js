/**
 * The pipeline: documents -> pod spec sites -> API server view per targeted minor -> rules ->
 * findings merged over the minors -> suppressions. Pure: text in, results out.
 */
import { readDocuments } from './documents.js';
import { podSpecSites } from './discovery.js';
import { FixBuilder } from './fixes.js';
import { formatPath, LineIndex, spanOffsets } from './positions.js';
import { rules as allRules, yamlSyntaxMeta } from './rules/index.js';
import { annotationSuppressions, CommentSuppressions, suppressedByAnnotation } from './suppressions.js';
import { formatVersions } from './target.js';
import { apiServerView } from './view.js';
const severityRank = { info: 0, warning: 1, error: 2 };
function mergeMessage(raws, allMinors) {
    const byText = new Map();
    for (const { report, minor } of raws) {
        const key = `${report.effect ?? ''}\u0000${report.message}`;
        const entry = byText.get(key) ?? { effect: report.effect, message: report.message, versions: [] };
        if (!entry.versions.includes(minor.version))
            entry.versions.push(minor.version);
        byText.set(key, entry);
    }
    const parts = [...byText.values()].map(({ effect, message, versions }) => {
        if (effect !== undefined)
            return `${effect} on ${formatVersions(versions)}: ${message}`;
        return versions.length === allMinors ? capitalize(message) : `On ${formatVersions(versions)}: ${message}`;
    });
    return parts.join(' ');
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
function sameEdits(a, b) {
    return JSON.stringify(a.edits) === JSON.stringify(b.edits);
}
/** A fix survives the merge only when every minor that has the finding proposes the same one. */
function mergeFix(raws) {
    const first = raws[0]?.report.fix;
    if (!first)
        return undefined;
    return raws.every(({ report }) => report.fix && sameEdits(report.fix, first)) ? first : undefined;
}
function mergeSuggestions(raws) {
    const out = [];
    for (const { report } of raws) {
        for (const suggestion of report.suggestions ?? []) {
            if (!out.some((other) => other.description === suggestion.description))
                out.push(suggestion);
        }
    }
    return out;
}
function enabledRules(settings) {
    return allRules.filter((rule) => settings?.[rule.id] !== 'off');
}
function runRules(site, document, text, target, rules) {
    const views = target.minors.map((minor) => apiServerView(site, minor));
    const fixes = new FixBuilder(document.yaml, text.slice(document.start, document.end), document.start, site.resourcePath);
    const groups = new Map();
    for (const rule of rules) {
        for (const view of views) {
            const context = {
                site,
                view,
                minor: view.minor,
                target,
                views,
                fixes,
                report(report) {
                    const key = `${rule.id}\u0000${formatPath(report.path)}`;
                    let group = groups.get(key);
                    if (!group) {
                        group = { rule, site, document, path: report.path, raws: [] };
                        groups.set(key, group);
                    }
                    group.raws.push({ report, minor: view.minor });
                },
            };
            rule.check(context);
        }
    }
    return [...groups.values()];
}
function toFinding(group, text, lines, target, override) {
    const { rule, site, document, raws } = group;
    const first = raws[0].report;
    const severity = override && override !== 'off'
        ? override
        : raws.map(({ report }) => report.severity ?? rule.defaultSeverity).reduce((a, b) => (severityRank[b] > severityRank[a] ? b : a));
    const docText = text.slice(document.start, document.end);
    const [start, rawEnd] = spanOffsets(document.yaml, docText, document.yaml.contents, [...site.resourcePath, ...group.path], first.span);
    let end = rawEnd;
    // Block values end after their line break; the span ends at the last character written.
    while (end > start + 1 && /\s/.test(docText[end - 1]))
        end--;
    const offset = document.start + start;
    const endOffset = document.start + end;
    const range = lines.range(offset, endOffset);
    const versions = [...new Set(raws.map(({ minor }) => minor.version))].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
    const fix = mergeFix(raws);
    const suggestions = mergeSuggestions(raws);
    return {
        ruleId: rule.id,
        severity,
        message: mergeMessage(raws, target.minors.length),
        path: formatPath(group.path),
        ...range,
        offset,
        endOffset,
        document: document.index,
        ...(site.item === undefined ? {} : { item: site.item }),
        versions,
        resource: site.resource,
        ...(fix ? { fix } : {}),
        ...(suggestions.length > 0 ? { suggestions } : {}),
    };
}
function syntaxFinding(document, lines, target) {
    const error = document.error;
    const message = error.message.replace(/\s+/g, ' ').trim();
    return {
        ruleId: yamlSyntaxMeta.id,
        severity: 'error',
        message: /[.!?]$/.test(message) ? message : `${message}.`,
        path: null,
        ...lines.range(error.start, error.end),
        offset: error.start,
        endOffset: error.end,
        document: document.index,
        versions: target.minors.map((minor) => minor.version),
        resource: null,
    };
}
function byPosition(a, b) {
    return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}
/** Lints one source for the target. */
export function lintSource(source, options) {
    const { text } = source;
    const lines = new LineIndex(text);
    const documents = readDocuments(text, { checkSyntax: options.checkSyntax ?? false, lines });
    const rules = enabledRules(options.rules);
    const findings = [];
    const suppressed = [];
    let comments;
    const commentSuppressions = () => (comments ??= new CommentSuppressions(text, (offset) => lines.position(offset).line));
    for (const document of documents.parsed) {
        if (document.error) {
            if (options.rules?.[yamlSyntaxMeta.id] !== 'off')
                findings.push(syntaxFinding(document, lines, options.target));
            continue;
        }
        for (const site of podSpecSites(document.value, options.podSpecPaths)) {
            const annotations = annotationSuppressions(site.object, site.templateMetadataPath);
            for (const group of runRules(site, document, text, options.target, rules)) {
                const finding = toFinding(group, text, lines, options.target, options.rules?.[group.rule.id]);
                const suppression = suppressedByAnnotation(annotations, finding.ruleId) ?? commentSuppressions().match(finding.ruleId, finding.line);
                if (suppression)
                    suppressed.push({ ...finding, suppression });
                else
                    findings.push(finding);
            }
        }
    }
    findings.sort(byPosition);
    suppressed.sort(byPosition);
    return { file: source.uri, findings, suppressed, documents: documents.total };
}
//# sourceMappingURL=lint.js.map