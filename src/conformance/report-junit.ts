// JUnit XML for CI: one testcase per case; each error (and each warning under --strict) is a
// <failure>, other warnings go to <system-out>; skipped cases are <skipped/>.
import { findingText } from './report-human.js';
import type { ConformanceReport } from './types.js';

function xml(s: string): string {
  // XML 1.0 cannot carry most control characters even escaped; a provider's bytes may contain them.
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function junitReport(report: ConformanceReport): string {
  const failures = (r: ConformanceReport['cases'][number]) => r.findings.filter((f) => f.severity === 'error' || report.strict);
  const failed = report.cases.filter((r) => failures(r).length).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="deepseek-fake conform" tests="${report.cases.length}" failures="${failed}" time="${report.durationMs / 1000}">`,
    `  <testsuite name="${xml(`conform ${report.profile} ${report.baseUrl}`)}" tests="${report.cases.length}" failures="${failed}" skipped="${report.summary.skipped}" errors="0" time="${report.durationMs / 1000}" timestamp="${report.startedAt}">`,
  ];
  for (const r of report.cases) {
    lines.push(`    <testcase classname="conform.${xml(report.profile)}" name="${xml(r.id)}" time="${r.durationMs / 1000}">`);
    if (r.status === 'skipped') lines.push(`      <skipped message="${xml(r.reason ?? '')}"/>`);
    for (const f of failures(r)) {
      lines.push(`      <failure type="${xml(f.rule)}" message="${xml(`${f.rule}: ${f.actual}`)}">${xml([...findingText(f), `  repeat: ${r.curl}`].join('\n'))}</failure>`);
    }
    const rest = r.findings.filter((f) => !failures(r).includes(f));
    if (rest.length) lines.push(`      <system-out>${xml(rest.flatMap(findingText).join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
