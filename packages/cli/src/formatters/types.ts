/** The formatter seam: every output format is a pure function of the results and their context. */
import type { FileResult, ResolvedTarget, RuleMeta } from '@sidecar-lint/core';

export interface ReportContext {
  tool: { name: string; version: string; informationUri: string };
  target: ResolvedTarget;
  /** The directory file paths are relative to (the working directory, or GITHUB_WORKSPACE). */
  cwd: string;
  /** Metadata of every rule (yaml-syntax included), for descriptors and help text. */
  rules: readonly RuleMeta[];
  /** Whether the output goes to a terminal that takes colour (stylish only). */
  color: boolean;
}

export type Formatter = (results: readonly FileResult[], context: ReportContext) => string;
