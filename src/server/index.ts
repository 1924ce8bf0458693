export { createApp, type AppOptions } from './app.js';
export { listen, type ListenOptions, type RunningServer } from './listen.js';
export { createRequestLogger, isLogLevel, LOG_LEVELS, type LogLevel, type RequestLogger, type RequestLogEntry } from './request-log.js';
