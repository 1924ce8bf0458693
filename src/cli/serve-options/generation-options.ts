// serve options of the generator (issue 4): which tokenizer counts usage.
import { createExactTokenizer } from '../../generate/exact-tokenizer.js';
import { UsageError } from '../command.js';
import type { ServeOptionGroup } from './option-group.js';

export const generationOptions: ServeOptionGroup = {
  title: 'generation',
  options: {
    tokenizer: { type: 'string', default: 'exact' },
  },
  help: ["--tokenizer NAME     exact (default; DeepSeek V3's tokenizer, loaded in the background) or estimate"],
  apply(values, into) {
    const name = values.tokenizer as string;
    if (name === 'estimate') {
      into.tokenizer = 'estimate';
      return;
    }
    if (name !== 'exact') throw new UsageError(`--tokenizer must be exact or estimate, got "${name}"`);
    const tokenizer = createExactTokenizer();
    // Load in the background a second after start-up, so start-up stays fast and a server stopped at
    // once (tests) never pays ~0.5 s of CPU for it; a chat request that comes earlier starts the load
    // itself and waits for it.
    setTimeout(() => void tokenizer.load().catch((e: unknown) => process.stderr.write(`deepseek-fake: could not load the exact tokenizer: ${String(e)}\n`)), 1000).unref();
    into.tokenizer = tokenizer;
  },
};
