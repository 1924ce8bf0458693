export { createApp, type AppOptions } from './app.js';
export { listen, type ListenOptions, type RunningServer } from './listen.js';
