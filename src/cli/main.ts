import { parseCli, USAGE, UsageError } from './config.js';
import { listen } from './listen.js';
import { rotateEncryptionKey } from './rotate-encryption-key.js';

// The `tidings` command line: `tidings listen ...` and `tidings rotate-encryption-key` (see USAGE). Ctrl-C (SIGINT) or SIGTERM ends it
// with exit code 0; a subscription the server refuses (an unknown event type, say) ends it with 1.

function run(): void {
  let command;
  try {
    command = parseCli(process.argv.slice(2));
  } catch (err) {
    const message = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? (err as Error).message : String(err);
    console.error(`tidings: ${message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (command.command === 'help') {
    console.log(USAGE);
    return;
  }
  if (command.command === 'rotate-encryption-key') {
    // With the server's settings (src/config.ts): it works on the store, not through the API.
    void rotateEncryptionKey((line) => console.log(line), (line) => console.error(line)).then((code) => process.exit(code));
    return;
  }
  const listener = listen(command.options, (line) => console.log(line), () => void listener.stop().finally(() => process.exit(1)));
  const stop = () => {
    console.log('Stopped.');
    void listener.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

run();
