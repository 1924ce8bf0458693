// The JSON report for CI: the ConformanceReport as is (findings carry rule, path and value).
import type { ConformanceReport } from './types.js';

export function jsonReport(report: ConformanceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
