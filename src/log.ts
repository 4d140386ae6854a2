/**
 * Structured logging through pino. Redaction paths are compiled once, here: credentials,
 * prompts and completions never reach a log line unless an operator turns on payload logging
 * (not offered yet). Request code logs through a child logger that carries the request id.
 */
import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';

export type Logger = PinoLogger;
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Paths that may hold secrets or user content, wherever a caller puts them. */
export const REDACT_PATHS: readonly string[] = [
  'authorization',
  'apiKey',
  'key',
  'secret',
  'password',
  'token',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["api-key"]',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  '*.apiKey',
  '*.secret',
  '*.password',
  'body',
  'messages',
  'prompt',
  'completion',
  'content',
  'text',
  'input',
];

export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'portcullis' },
      redact: { paths: [...REDACT_PATHS], censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    // Asynchronous writes batch lines under load without holding a quiet gateway's lines back.
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** A logger that writes nothing: for tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
