export { createApp, type AppOptions } from './app.js';
export { listen, type ListenOptions, type RunningServer } from './listen.js';
export { adminRoutes, adminEnabledFor, isLoopback, type AdminOptions } from './admin.js';
export { loadFixtures } from './fixture-loader.js';
export { createRequestLogger, isLogLevel, LOG_LEVELS, type LogLevel, type RequestLogger, type RequestLogEntry } from './request-log.js';
