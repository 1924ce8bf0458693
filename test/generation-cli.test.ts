// serve --tokenizer: exact (default, loaded in the background) and estimate, in the real CLI.
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './helpers/cli.js';

async function promptTokens(url: string, model: string, content: string): Promise<number> {
  const res = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk-cli', 'Content-Type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
  });
  return ((await res.json()) as { usage: { prompt_tokens: number } }).usage.prompt_tokens;
}

describe('serve --tokenizer', () => {
  it('exact is the default: usage counts DeepSeek V3 tokens (facts page: reasoner "hello" → 6)', async () => {
    const s = await startCli();
    try {
      expect(await promptTokens(s.url, 'deepseek-reasoner', 'hello')).toBe(6);
      // BOS, <｜User｜>, 今天, 天气, 怎么样, ？, <｜Assistant｜> in V3's vocabulary; the estimator says 8.
      expect(await promptTokens(s.url, 'deepseek-chat', '今天天气怎么样？')).toBe(7);
    } finally {
      await s.stop();
    }
  });

  it('estimate counts with the estimator; a bad name is a usage error', async () => {
    const s = await startCli(['--tokenizer', 'estimate']);
    try {
      expect(await promptTokens(s.url, 'deepseek-chat', '今天天气怎么样？')).toBe(8);
    } finally {
      await s.stop();
    }
    const bad = await runCli(['serve', '--tokenizer', 'bpe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--tokenizer must be exact or estimate/);
    expect((await runCli(['--help'])).stdout).toContain('--tokenizer');
  });
});
