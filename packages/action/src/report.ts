/**
 * The part of the CLI's JSON report (DESIGN §3, schemas/report.schema.json) the Action reads.
 * The Action consumes the report rather than the core's objects, so it sees exactly what the
 * command line reports, with the same config lookup, ignore patterns and exit codes.
 */
import type { JsonFinding } from '@sidecar-lint/cli';

export type ReportFinding = JsonFinding;

export interface ReportFile {
  file: string;
  findings: ReportFinding[];
  suppressed: ReportFinding[];
}

export interface Report {
  target: { kubernetesVersions: string[]; kubeletVersion: string | null; fieldValidation: string };
  results: ReportFile[];
  summary: { files: number; documents: number; errors: number; warnings: number; infos: number; suppressed: number };
}
