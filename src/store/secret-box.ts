import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Secrets at rest: AES-256-GCM under a key ring, the one place Tidings encrypts. Both stores seal a
// secret as they write a record and open it as they read one (sealed-fields.ts), so nothing else
// ever sees a ciphertext.
//
// A sealed value is text: `tdenc1:<key id>:<base64url of IV (12 bytes) ‖ ciphertext ‖ tag (16 bytes)>`.
// Each value has its own random IV. The additional data binds it to its key id and to where it is
// stored (its context, e.g. `endpoint:ep_…:signing-secret`): a ciphertext copied into another
// record, or another field, does not open.
//
// The key ring (TIDINGS_ENCRYPTION_KEY, or the embedded store's key file): comma-separated
// `<id>:<base64 of 32 random bytes>` entries, e.g. `k2:<openssl rand -base64 32>,k1:<older key>`.
// The first key seals; every key opens, so a key can be rotated: put a new one first, run
// `tidings rotate-encryption-key`, then remove the old one.

const PREFIX = 'tdenc1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** Keys newest first: the first seals, all open. Never empty. */
export type KeyRing = readonly EncryptionKey[];

/** A key ring that cannot be used; the message never contains key material. */
export class KeyRingError extends Error {}

/** Parses `<id>:<base64>[,<id>:<base64>...]`; throws KeyRingError naming the entry (by position and id only). */
export function parseKeyRing(text: string): KeyRing {
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) throw new KeyRingError('no key: expected <id>:<base64 of 32 bytes>, e.g. k1:$(openssl rand -base64 32)');
  const ring: EncryptionKey[] = [];
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const where = `entry ${i + 1}`;
    if (colon < 0) throw new KeyRingError(`${where} is not <id>:<base64 of 32 bytes> (no ":" after the key id)`);
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1).trim();
    if (!KEY_ID.test(id)) throw new KeyRingError(`${where}: the key id must be 1 to 32 letters, digits, "_" or "-"`);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
      throw new KeyRingError(`${where} (key id "${id}"): the key is not valid base64 (generate one with: openssl rand -base64 32)`);
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new KeyRingError(`${where} (key id "${id}"): the key is ${key.length} bytes, it must be ${KEY_BYTES} (generate one with: openssl rand -base64 32)`);
    }
    if (ring.some((k) => k.id === id)) throw new KeyRingError(`the key id "${id}" appears more than once`);
    ring.push({ id, key });
  });
  return ring;
}

/** The ring as TIDINGS_ENCRYPTION_KEY text (what the key file holds). */
export function formatKeyRing(ring: KeyRing): string {
  return ring.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
}

/** A new ring of one random key. */
export function generateKeyRing(id: string): KeyRing {
  return [{ id, key: randomBytes(KEY_BYTES) }];
}

/** A ciphertext that cannot be opened: tampered with, moved to another record, or sealed under a key not in the ring. */
export class SealedValueError extends Error {}

/** Opened values kept (fan-out and claims read the same endpoints again and again); cleared when full. */
const OPENED_CACHE_SIZE = 10_000;

export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  /** `context \0 sealed value` → plain text: a sealed value always opens to the same text in the same place. */
  private readonly opened = new Map<string, string>();

  constructor(private readonly ring: KeyRing) {
    if (ring.length === 0) throw new KeyRingError('the key ring is empty');
    this.keys = new Map(ring.map((k) => [k.id, k.key]));
  }

  /** The id of the key that seals. */
  get currentKeyId(): string {
    return this.ring[0]!.id;
  }

  /** The ring as text, to hand to another thread. */
  ringText(): string {
    return formatKeyRing(this.ring);
  }

  seal(plain: string, context: string): string {
    const { id, key } = this.ring[0]!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad(id, context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}:${id}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  /** The plain text of a sealed value; a value that is not sealed (stored before encryption) is returned as it is. */
  open(value: string, context: string): string {
    if (!isSealed(value)) return value;
    const cacheKey = `${context}\0${value}`;
    const cached = this.opened.get(cacheKey);
    if (cached !== undefined) return cached;
    const plain = this.decrypt(value, context);
    if (this.opened.size >= OPENED_CACHE_SIZE) this.opened.clear();
    this.opened.set(cacheKey, plain);
    return plain;
  }

  private decrypt(value: string, context: string): string {
    const [, id, data] = value.split(':') as [string, string, string | undefined];
    const key = this.keys.get(id);
    if (!key) throw new SealedValueError(`a secret (${context}) is sealed under key "${id}", which is not in the key ring (TIDINGS_ENCRYPTION_KEY)`);
    const bytes = Buffer.from(data ?? '', 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedValueError(`a secret (${context}) is not a valid ciphertext`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(aad(id, context));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SealedValueError(`a secret (${context}) does not decrypt with key "${id}": it was altered or belongs to another record`);
    }
  }

  /** Ids named by sealed values in `stored` (any text holding them) that are not in the ring. */
  missingKeyIds(stored: Iterable<string>): string[] {
    const missing = new Set<string>();
    for (const text of stored) for (const [, id] of text.matchAll(/tdenc1:([A-Za-z0-9_-]{1,32}):/g)) if (!this.keys.has(id!)) missing.add(id!);
    return [...missing].sort();
  }

  /** Whether a stored value should be sealed again: plain text, or sealed under a key other than the first. */
  needsReseal(value: string): boolean {
    return !isSealed(value) || keyIdOf(value) !== this.currentKeyId;
  }
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}:`);
}

/** The key id a sealed value names; null for plain text. */
export function keyIdOf(value: string): string | null {
  return isSealed(value) ? value.split(':')[1]! : null;
}

function aad(keyId: string, context: string): Buffer {
  return Buffer.from(`${PREFIX}\0${keyId}\0${context}`, 'utf8');
}

/** The embedded store's key file, used when TIDINGS_ENCRYPTION_KEY is not set. */
export const KEY_FILE_NAME = 'tidings.key';

/**
 * The key ring kept in `file` (TIDINGS_ENCRYPTION_KEY's format), created with one new key (mode
 * 0600, written to a temporary file and linked into place, so no reader sees it half-written and
 * two processes starting at once keep the same key) when there is none.
 */
export function loadOrCreateKeyFile(file: string): { ring: KeyRing; created: boolean } {
  let created = false;
  if (!fs.existsSync(file)) {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}`);
    fs.writeFileSync(temporary, `${formatKeyRing(generateKeyRing('local1'))}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(temporary, file);
      created = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.unlinkSync(temporary);
    }
  }
  try {
    return { ring: parseKeyRing(fs.readFileSync(file, 'utf8')), created };
  } catch (err) {
    if (err instanceof KeyRingError) throw new KeyRingError(`the key file ${file}: ${err.message}`);
    throw err;
  }
}
