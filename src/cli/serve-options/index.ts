// Every option group of `serve`, in help order. A feature adds its group here.
import { basicOptions } from './basic-options.js';
import { generationOptions } from './generation-options.js';
import { hardeningOptions } from './hardening-options.js';
import type { ServeOptionGroup } from './option-group.js';
import { scenarioOptions } from './scenario-options.js';
import { streamOptions } from './stream-options.js';

export const serveOptionGroups: readonly ServeOptionGroup[] = [basicOptions, streamOptions, generationOptions, scenarioOptions, hardeningOptions];
