// The terminal report: one progress line per case as it finishes, then every finding with its
// rule, what the contract says, what came back, where, and a curl line to repeat the request.
import type { CaseResult, ConformanceReport, Finding } from './types.js';

function mark(r: CaseResult): string {
  if (r.status === 'skipped') return '-';
  if (r.status === 'failed') return '✗';
  return r.findings.length ? '!' : '✓';
}

export function progressLine(r: CaseResult): string {
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.length - errors;
  const notes = [errors && count(errors, 'error'), warnings && count(warnings, 'warning'), r.reason && `skipped: ${r.reason}`].filter(Boolean);
  return `${mark(r)} ${r.id.padEnd(30)} ${String(r.durationMs).padStart(6)} ms${notes.length ? `  ${notes.join(', ')}` : ''}`;
}

function show(value: unknown): string {
  const s = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return s === undefined ? 'undefined' : s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

export function findingText(f: Finding): string[] {
  const lines = [`  ${f.severity === 'error' ? 'error' : 'warning'} ${f.rule}`, `    contract: ${f.expected}`, `    got:      ${f.actual}`];
  if (f.path) lines.push(`    at:       ${f.path}${'value' in f ? ` = ${show(f.value)}` : ''}`);
  return lines;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function humanReport(report: ConformanceReport): string {
  const out: string[] = [];
  for (const r of report.cases) {
    if (!r.findings.length) continue;
    out.push('', `${r.id} — ${r.title}`);
    for (const f of r.findings) out.push(...findingText(f));
    out.push(`  repeat: ${r.curl}`);
  }
  const s = report.summary;
  out.push(
    '',
    `${count(s.cases, 'case')} against ${report.baseUrl} (profile ${report.profile}, model ${report.model}): ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped; ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}${report.strict ? ' (strict: warnings fail)' : ''}`,
  );
  return `${out.join('\n')}\n`;
}
