// `deepseek-fake conform`: runs the conformance suite against a provider and reports.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinCases } from '../conformance/builtin-cases.js';
import { loadCaseDir, mergeCases } from '../conformance/case-files.js';
import { prepareRecordDir, recordExchange } from '../conformance/record-dir.js';
import { humanReport, progressLine } from '../conformance/report-human.js';
import { jsonReport } from '../conformance/report-json.js';
import { junitReport } from '../conformance/report-junit.js';
import { probeProvider, runConformance, selectCases } from '../conformance/runner.js';
import type { ConformanceReport } from '../conformance/types.js';
import { profiles } from '../profiles/index.js';
import { UsageError, type Command } from './command.js';

const reporters: Record<string, (r: ConformanceReport) => string> = { junit: junitReport, json: jsonReport, human: humanReport };

function list(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got "${value}"`);
  return n;
}

export const conformCommand: Command = {
  name: 'conform',
  usage: 'deepseek-fake conform --base-url URL [options]',
  summary: 'check a DeepSeek-compatible provider against the contract',
  help: [
    '--base-url URL       the provider, e.g. https://api.deepseek.com (required)',
    '--api-key KEY        bearer key (default: env DEEPSEEK_API_KEY)',
    "--profile NAME       contract dialect to check against (default deepseek; see 'deepseek-fake profiles')",
    "--model ID           chat model to ask (default: the profile's)",
    "--reasoner-model ID  thinking model for the reasoner cases (default: the profile's)",
    '--only CASES         run only these cases (comma-separated ids; repeatable)',
    '--skip CASES         leave these cases out',
    '--cases DIR          add the cases in DIR/*.json to the built-in ones',
    '--timeout S          seconds per request (default 60)',
    '--concurrency N      requests in flight at once (default 4)',
    '--report K=FILE,...  also write reports: junit=FILE, json=FILE, human=FILE',
    '--record DIR         write every exchange (request, status, headers, raw body or SSE bytes) to DIR',
    '--strict             warnings (documented deviations) fail too',
    '--list               print the case ids and titles, then exit',
    'Exit: 0 no errors, 1 errors found, 2 usage mistake or provider unreachable.',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        'base-url': { type: 'string' },
        'api-key': { type: 'string' },
        profile: { type: 'string' },
        model: { type: 'string' },
        'reasoner-model': { type: 'string' },
        only: { type: 'string', multiple: true },
        skip: { type: 'string', multiple: true },
        cases: { type: 'string' },
        timeout: { type: 'string' },
        concurrency: { type: 'string' },
        report: { type: 'string', multiple: true },
        record: { type: 'string' },
        strict: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
      },
    });
    let cases = [...builtinCases];
    if (values.cases !== undefined) {
      try {
        cases = mergeCases(builtinCases, await loadCaseDir(values.cases));
      } catch (e) {
        throw new UsageError(`--cases: ${(e as Error).message}`);
      }
    }
    if (values.list) {
      for (const c of cases) process.stdout.write(`${c.id.padEnd(32)} ${c.title}\n`);
      return 0;
    }
    const baseUrl = values['base-url'];
    if (!baseUrl) throw new UsageError('conform needs --base-url URL (the provider to check)');
    if (!/^https?:\/\/[^/]/.test(baseUrl)) throw new UsageError(`--base-url must be an http(s) URL, got "${baseUrl}"`);
    if (values.profile !== undefined && !profiles.some((p) => p.name === values.profile)) {
      throw new UsageError(`Unknown profile "${values.profile}". Known: ${profiles.map((p) => p.name).join(', ')}`);
    }
    const only = list(values.only);
    const skip = list(values.skip);
    try {
      selectCases(cases, only, skip);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const reports = list(values.report).map((spec) => {
      const m = /^([a-z]+)=(.+)$/.exec(spec);
      if (!m || !reporters[m[1]!]) throw new UsageError(`--report takes junit=FILE, json=FILE or human=FILE, got "${spec}"`);
      return { kind: m[1]!, file: m[2]! };
    });
    const timeoutMs = positive('timeout', values.timeout, 60) * 1000;
    const concurrency = Math.floor(positive('concurrency', values.concurrency, 4));
    const apiKey = values['api-key'] ?? process.env.DEEPSEEK_API_KEY;

    const unreachable = await probeProvider(baseUrl, Math.min(timeoutMs, 15_000));
    if (unreachable) {
      process.stderr.write(`deepseek-fake conform: the provider is unreachable: ${unreachable}\n`);
      return 2;
    }
    if (!apiKey) process.stderr.write('deepseek-fake conform: no API key (--api-key or DEEPSEEK_API_KEY); requests go without Authorization\n');
    const record = values.record;
    if (record) await prepareRecordDir(record);
    process.stdout.write(`deepseek-fake conform: ${baseUrl}\n`);
    const report = await runConformance({
      baseUrl,
      apiKey,
      profile: values.profile,
      model: values.model,
      reasonerModel: values['reasoner-model'],
      cases,
      only,
      skip,
      timeoutMs,
      concurrency,
      strict: values.strict,
      onCase: (r) => process.stdout.write(`${progressLine(r)}\n`),
      onExchange: record ? (x) => recordExchange(record, x) : undefined,
    });
    process.stdout.write(humanReport(report));
    for (const { kind, file } of reports) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, reporters[kind]!(report));
    }
    const { errors, warnings } = report.summary;
    return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
  },
};
