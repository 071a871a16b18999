import type { HeuristicsTable, KubernetesVersionsTable, WorkloadKindsTable } from '../data-types.js';
export declare const kubernetesVersions: KubernetesVersionsTable;
export declare const workloadKinds: WorkloadKindsTable;
export declare const heuristics: HeuristicsTable;
//# sourceMappingURL=data.d.ts.map