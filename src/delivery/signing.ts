import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign as signWith, type KeyObject } from 'node:crypto';

// Standard Webhooks signatures (https://www.standardwebhooks.com) over
// "<webhook-id>.<webhook-timestamp>.<body>", one scheme per key, told apart by the key's prefix:
//  - HMAC_SHA256: `v1,` + base64 HMAC-SHA256, keyed with the base64-decoded part of `whsec_…`;
//  - ED25519: `v1a,` + base64 Ed25519 signature, with the private key `whsk_…` (base64 of the
//    32-byte seed followed by the 32-byte public key, libsodium's layout); receivers verify with
//    the public key `whpk_…` (base64 of the 32-byte public key).

const PREFIX = 'whsec_';
const ED_PRIVATE = 'whsk_';
const ED_PUBLIC = 'whpk_';

export type SignatureScheme = 'HMAC_SHA256' | 'ED25519';

// DER wrappers around a raw 32-byte Ed25519 seed (PKCS#8) and public key (SPKI).
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_LENGTH = 12;

export function generateSecret(scheme: SignatureScheme = 'HMAC_SHA256'): string {
  if (scheme === 'HMAC_SHA256') return PREFIX + randomBytes(32).toString('base64');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519.length);
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_LENGTH);
  return ED_PRIVATE + Buffer.concat([seed, pub]).toString('base64');
}

/** The scheme a key signs with. */
export const schemeOf = (secret: string): SignatureScheme => (secret.startsWith(ED_PRIVATE) ? 'ED25519' : 'HMAC_SHA256');

const base64Bytes = (b64: string): number | null =>
  /^[A-Za-z0-9+/]+={0,2}$/.test(b64) && b64.length % 4 === 0 ? Buffer.from(b64, 'base64').length : null;

/**
 * A valid HMAC secret is `whsec_` + base64 of 24 to 64 bytes (what the standard's libraries accept
 * and produce); a valid Ed25519 key is `whsk_` + base64 of the 32-byte seed and 32-byte public key.
 */
export function isValidSecret(secret: string, scheme: SignatureScheme = 'HMAC_SHA256'): boolean {
  if (scheme === 'ED25519') {
    if (!secret.startsWith(ED_PRIVATE) || base64Bytes(secret.slice(ED_PRIVATE.length)) !== 64) return false;
    const raw = Buffer.from(secret.slice(ED_PRIVATE.length), 'base64');
    return publicKeyOfSeed(raw.subarray(0, 32)).equals(raw.subarray(32));
  }
  if (!secret.startsWith(PREFIX)) return false;
  const bytes = base64Bytes(secret.slice(PREFIX.length));
  return bytes !== null && bytes >= 24 && bytes <= 64;
}

const privateKeys = new Map<string, KeyObject>();

function edPrivateKey(secret: string): KeyObject {
  let key = privateKeys.get(secret);
  if (!key) {
    const seed = Buffer.from(secret.slice(ED_PRIVATE.length), 'base64').subarray(0, 32);
    key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
    if (privateKeys.size > 1000) privateKeys.clear();
    privateKeys.set(secret, key);
  }
  return key;
}

function publicKeyOfSeed(seed: Buffer): Buffer {
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  return createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_LENGTH);
}

/** The `whpk_…` public key of an Ed25519 key; null for an HMAC secret. */
export function publicKeyOf(secret: string): string | null {
  if (schemeOf(secret) !== 'ED25519') return null;
  return ED_PUBLIC + Buffer.from(secret.slice(ED_PRIVATE.length), 'base64').subarray(32).toString('base64');
}

export function sign(secret: string, msgId: string, timestampSeconds: number, body: string): string {
  const content = `${msgId}.${timestampSeconds}.${body}`;
  if (schemeOf(secret) === 'ED25519') return `v1a,${signWith(null, Buffer.from(content), edPrivateKey(secret)).toString('base64')}`;
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(content).digest('base64')}`;
}

/** The `webhook-signature` header: one signature per key still in force, space-separated. */
export function signatureHeader(secrets: readonly string[], msgId: string, timestampSeconds: number, body: string): string {
  return secrets.map((s) => sign(s, msgId, timestampSeconds, body)).join(' ');
}
