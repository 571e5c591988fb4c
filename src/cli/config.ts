import { parseArgs } from 'node:util';

// The `tidings` CLI's settings, from its flags and its environment, read here and nowhere else in
// the CLI. The CLI is its own process, a client of a Tidings server's public API: the server's
// settings (src/config.ts, the server's only reader of process.env) are not its business, and this
// module is the CLI's only reader of process.env. The exception is `rotate-encryption-key`, which works
// on the store itself and so reads the server's settings through src/config.ts.

export const CLI_VARIABLES = ['TIDINGS_URL', 'TIDINGS_TOKEN'] as const;

export const USAGE = `Usage: tidings listen --forward-to <url> [--types <patterns>] [--application <app_id>] [--url <server>] [--token <token>]
       tidings rotate-encryption-key

  --forward-to   the local URL every event is POSTed to, signed as an endpoint would receive it
  --types        comma-separated event types: exact names, prefix.* wildcards or * (default: all)
  --application  only events of this application (admin token; an application key sees its own)
  --url          the Tidings server (default: $TIDINGS_URL, else http://localhost:4000)
  --token        admin token or application key (default: $TIDINGS_TOKEN)

  rotate-encryption-key   re-encrypts every stored secret under the first key of TIDINGS_ENCRYPTION_KEY
                          (or of the key file); run it with the server's environment, safe while it runs`;

export class UsageError extends Error {}

export interface ListenOptions {
  serverUrl: string;
  token: string;
  forwardTo: string;
  eventTypes: string[] | undefined;
  applicationId: string | undefined;
}

export type CliCommand = { command: 'listen'; options: ListenOptions } | { command: 'rotate-encryption-key' } | { command: 'help' };

export function parseCli(argv: readonly string[], env: Record<string, string | undefined> = process.env): CliCommand {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'forward-to': { type: 'string' },
      types: { type: 'string' },
      application: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) return { command: 'help' };
  if (positionals[0] === 'rotate-encryption-key' && positionals.length === 1) return { command: 'rotate-encryption-key' };
  if (positionals[0] !== 'listen' || positionals.length > 1) throw new UsageError(`unknown command "${positionals.join(' ')}"`);
  const forwardTo = values['forward-to'];
  if (!forwardTo) throw new UsageError('--forward-to is required (e.g. --forward-to http://localhost:3000/webhooks)');
  if (!/^https?:\/\//.test(forwardTo) || !URL.canParse(forwardTo)) throw new UsageError(`--forward-to: "${forwardTo}" is not an http(s) URL`);
  const serverUrl = (values.url ?? env.TIDINGS_URL ?? 'http://localhost:4000').replace(/\/+$/, '').replace(/\/graphql$/, '');
  if (!/^https?:\/\//.test(serverUrl) || !URL.canParse(serverUrl)) throw new UsageError(`--url / TIDINGS_URL: "${serverUrl}" is not an http(s) URL`);
  const token = values.token ?? env.TIDINGS_TOKEN;
  if (!token) throw new UsageError('a token is required: --token <token> or TIDINGS_TOKEN');
  const eventTypes = values.types?.split(',').map((t) => t.trim()).filter(Boolean);
  return { command: 'listen', options: { serverUrl, token, forwardTo, eventTypes: eventTypes?.length ? eventTypes : undefined, applicationId: values.application } };
}
