import { ConfigError, loadConfig } from '../config.js';
import { StartupError } from '../startup-error.js';
import { openStore } from '../store/open.js';
import type { SecretsAtRest } from '../store/ports.js';

// `tidings rotate-encryption-key`: seals every stored secret again under the first key of the key
// ring (TIDINGS_ENCRYPTION_KEY, or the embedded store's key file), a batch at a time. It opens the
// store the server's configuration names, with the server's own settings (src/config.ts), and is
// safe while servers run: each endpoint is rewritten only if unchanged since read (ports.ts).

/** Endpoints one batch looks at (one store write each). */
export const RESEAL_BATCH = 200;

export interface RotationResult {
  walked: number;
  resealed: number;
}

/** Walks every endpoint in ID order, batch after batch, reporting each batch. */
export async function resealAll(store: SecretsAtRest, onBatch: (sofar: RotationResult) => void, batch = RESEAL_BATCH): Promise<RotationResult> {
  const total: RotationResult = { walked: 0, resealed: 0 };
  let after: string | null = null;
  for (;;) {
    const step = await store.resealSecrets(after, batch);
    total.walked += step.walked;
    total.resealed += step.resealed;
    onBatch(total);
    if (step.walked < batch || step.last === null) return total;
    after = step.last;
  }
}

/** Runs the command; resolves with the process exit code. */
export async function rotateEncryptionKey(print: (line: string) => void, printError: (line: string) => void): Promise<number> {
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  try {
    const config = loadConfig();
    store = await openStore(config, { info: (message) => print(message) });
    const first = config.encryptionKeys ? `key "${config.encryptionKeys[0]!.id}" (the first of TIDINGS_ENCRYPTION_KEY)` : 'the first key of the key file';
    print(`Re-encrypting the stored secrets under ${first}...`);
    const done = await resealAll(store, ({ walked, resealed }) => print(`  ${walked} endpoints looked at, ${resealed} re-encrypted`));
    print(`Done: ${done.resealed} of ${done.walked} endpoints re-encrypted; every stored secret is now sealed under the first key, and the other keys can be removed from the ring.`);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) printError(`tidings rotate-encryption-key: configuration error: ${err.message}`);
    else if (err instanceof StartupError) printError(`tidings rotate-encryption-key: cannot open the store: ${err.message}`);
    else printError(`tidings rotate-encryption-key: failed: ${(err as Error).message}; run it again to go on (what was re-encrypted stays so)`);
    return 1;
  } finally {
    await store?.close();
  }
}
