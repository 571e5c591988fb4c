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

/** Passes at most: each after the first only finds endpoints written with an older key meanwhile. */
const MAX_PASSES = 5;

/**
 * Passes over every endpoint until one finds nothing left to re-encrypt. A pass that re-encrypted
 * something is followed by a check: a write racing the pass (a server still on the old ring, or a
 * store without atomic single-document updates, such as FerretDB) may have put an older ciphertext back.
 */
export async function resealUntilDone(store: SecretsAtRest, onBatch: (pass: number, sofar: RotationResult) => void, batch = RESEAL_BATCH): Promise<RotationResult> {
  let walked = 0;
  let resealed = 0;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const done = await resealAll(store, (sofar) => onBatch(pass, sofar), batch);
    if (pass === 1) walked = done.walked;
    resealed += done.resealed;
    if (done.resealed === 0) return { walked, resealed };
  }
  throw new Error(`endpoints were still being written with an older key after ${MAX_PASSES} passes; make sure every server runs with the new key ring`);
}

/** Runs the command; resolves with the process exit code. */
export async function rotateEncryptionKey(print: (line: string) => void, printError: (line: string) => void): Promise<number> {
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  try {
    const config = loadConfig();
    store = await openStore(config, { info: (message) => print(message) });
    const first = config.encryptionKeys ? `key "${config.encryptionKeys[0]!.id}" (the first of TIDINGS_ENCRYPTION_KEY)` : 'the first key of the key file';
    print(`Re-encrypting the stored secrets under ${first}...`);
    let printedPass = 1;
    const done = await resealUntilDone(store, (pass, { walked, resealed }) => {
      if (pass !== printedPass) print(`Checking again (pass ${(printedPass = pass)}) for secrets written with an older key meanwhile...`);
      print(`  ${walked} endpoints looked at, ${resealed} re-encrypted`);
    });
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
