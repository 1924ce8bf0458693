// Every option group of `serve`, in help order. A feature adds its group here.
import { basicOptions } from './basic-options.js';
import type { ServeOptionGroup } from './option-group.js';
import { streamOptions } from './stream-options.js';

export const serveOptionGroups: readonly ServeOptionGroup[] = [basicOptions, streamOptions];
