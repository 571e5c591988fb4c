// The process's log: one structured JSON line (pino) per event of interest, or a short readable
// line when stdout is a terminal. Components take a Logger; only this file knows pino.
// Never pass a secret, token, signature, request or response body, or event payload in a message
// or field: field names that usually hold one are redacted all the same.
import pino from 'pino';

export type LogFields = Record<string, unknown>;
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  fatal(message: string, fields?: LogFields): void;
}

/** Field names whose values are replaced by "[redacted]" wherever they appear (two levels deep). */
const REDACTED = ['secret', 'secrets', 'token', 'apiKey', 'authorization', 'auth', 'password', 'clientSecret', 'encryptionKeys', 'signature', 'payload', 'body', 'responseBody', 'headers'];

export interface LoggerOptions {
  level: LogLevel;
  /** Readable lines instead of JSON (for a terminal). */
  pretty: boolean;
  /** Where lines go; stdout (synchronously) by default. */
  write?: (line: string) => void;
}

const COLOURS: Record<number, string> = { 10: '90', 20: '36', 30: '32', 40: '33', 50: '31', 60: '35' };

/** One JSON log line as a person reads it: time, level, message, then the other fields as key=value. */
export function prettyLine(json: string, colour = false): string {
  const { time, level, msg, pid: _pid, hostname: _host, ...rest } = JSON.parse(json) as Record<string, unknown>;
  const name = (pino.levels.labels[level as number] ?? String(level)).toUpperCase().padEnd(5);
  const stamp = new Date(time as number).toISOString().slice(11, 23);
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`).join(' ');
  const label = colour ? `\x1b[${COLOURS[level as number] ?? '0'}m${name}\x1b[0m` : name;
  return `${stamp} ${label} ${msg}${fields ? `  ${fields}` : ''}\n`;
}

export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  const stream = options.pretty
    ? { write: (line: string) => write(prettyLine(line, options.write === undefined && process.stdout.isTTY === true)) }
    : options.write
      ? { write }
      : pino.destination({ dest: 1, sync: true });
  const p = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      redact: { paths: [...REDACTED, ...REDACTED.map((k) => `*.${k}`)], censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    stream,
  );
  const at = (level: Exclude<LogLevel, 'silent' | 'trace'>) => (message: string, fields?: LogFields) => (fields ? p[level](fields, message) : p[level](message));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), fatal: at('fatal') };
}

/** A logger that drops everything (tests that do not read the log). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, fatal() {} };

/** A logger that keeps lines in memory as [level, message, fields] (tests that read the log in-process). */
export function memoryLogger(): Logger & { lines: [string, string, LogFields | undefined][] } {
  const lines: [string, string, LogFields | undefined][] = [];
  const at = (level: string) => (message: string, fields?: LogFields) => void lines.push([level, message, fields]);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), fatal: at('fatal') };
}

/** An error as a log field: its message only (a stack belongs to unexpected errors, passed as `err`). */
export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
