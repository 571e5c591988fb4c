import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatKeyRing, generateKeyRing, keyIdOf, loadOrCreateKeyFile, parseKeyRing, SealedValueError, SecretBox } from '../../src/store/secret-box.js';

// The one place Tidings encrypts: AES-256-GCM with a random IV per value, the key id in the
// sealed text, and additional data binding the value to where it is stored.

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const CONTEXT = 'endpoint:ep_1:signing-secret';

describe('the secret box', () => {
  it('opens what it sealed, and the sealed text shows neither the secret nor the key', () => {
    const ringText = key('k1');
    const box = new SecretBox(parseKeyRing(ringText));
    const sealed = box.seal(SECRET, CONTEXT);
    expect(sealed).toMatch(/^tdenc1:k1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(SECRET);
    expect(sealed).not.toContain(ringText.slice(3));
    expect(box.open(sealed, CONTEXT)).toBe(SECRET);
  });

  it('uses a new IV for every value: the same secret sealed twice differs', () => {
    const box = new SecretBox(generateKeyRing('k1'));
    expect(box.seal(SECRET, CONTEXT)).not.toBe(box.seal(SECRET, CONTEXT));
  });

  it('does not open under a wrong key with the same id', () => {
    const sealed = new SecretBox(generateKeyRing('k1')).seal(SECRET, CONTEXT);
    expect(() => new SecretBox(generateKeyRing('k1')).open(sealed, CONTEXT)).toThrow(SealedValueError);
  });

  it('does not open a value sealed under a key that is not in the ring, and says which key it needs', () => {
    const sealed = new SecretBox(generateKeyRing('old')).seal(SECRET, CONTEXT);
    expect(() => new SecretBox(generateKeyRing('new')).open(sealed, CONTEXT)).toThrow(/key "old", which is not in the key ring/);
  });

  it('does not open a tampered value', () => {
    const box = new SecretBox(generateKeyRing('k1'));
    const sealed = box.seal(SECRET, CONTEXT);
    const [prefix, id, data] = sealed.split(':') as [string, string, string];
    const bytes = Buffer.from(data, 'base64url');
    for (const at of [0, 12, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[at] = altered[at]! ^ 1;
      expect(() => box.open(`${prefix}:${id}:${altered.toString('base64url')}`, CONTEXT), `byte ${at} flipped`).toThrow(SealedValueError);
    }
    expect(() => box.open(`${prefix}:${id}:${data.slice(0, 20)}`, CONTEXT)).toThrow(SealedValueError);
  });

  it('does not open a value moved to another record or field (additional data)', () => {
    const box = new SecretBox(generateKeyRing('k1'));
    const sealed = box.seal(SECRET, CONTEXT);
    expect(() => box.open(sealed, 'endpoint:ep_2:signing-secret')).toThrow(/altered or belongs to another record/);
    expect(() => box.open(sealed, 'endpoint:ep_1:receiver-auth')).toThrow(SealedValueError);
  });

  it('seals under the first key of the ring and opens under every key: a rotated-out key still opens', () => {
    const [older] = generateKeyRing('k1');
    const [newer] = generateKeyRing('k2');
    const sealedBefore = new SecretBox([older!]).seal(SECRET, CONTEXT);
    const ring = new SecretBox([newer!, older!]);
    expect(ring.open(sealedBefore, CONTEXT)).toBe(SECRET);
    const sealedNow = ring.seal(SECRET, CONTEXT);
    expect(keyIdOf(sealedNow)).toBe('k2');
    expect(new SecretBox([newer!]).open(sealedNow, CONTEXT)).toBe(SECRET);
    expect([ring.needsReseal(sealedBefore), ring.needsReseal(sealedNow), ring.needsReseal(SECRET)]).toEqual([true, false, true]);
  });

  it('reads a value stored before encryption (plain text) as it is', () => {
    expect(new SecretBox(generateKeyRing('k1')).open(SECRET, CONTEXT)).toBe(SECRET);
  });
});

describe('the key ring format', () => {
  it('reads comma-separated <id>:<base64 of 32 bytes> entries, first one first', () => {
    const text = `${key('k2')}, ${key('k1')}`;
    const ring = parseKeyRing(text);
    expect(ring.map((k) => [k.id, k.key.length])).toEqual([['k2', 32], ['k1', 32]]);
    expect(parseKeyRing(formatKeyRing(ring)).map((k) => k.key.toString('hex'))).toEqual(ring.map((k) => k.key.toString('hex')));
  });

  it('refuses a wrong length, bad base64, duplicate ids and a missing id, without showing key material', () => {
    const short = randomBytes(16).toString('base64');
    const cases: [string, RegExp][] = [
      [`k1:${short}`, /entry 1 \(key id "k1"\): the key is 16 bytes, it must be 32/],
      ['k1:not*base64!', /entry 1 \(key id "k1"\): the key is not valid base64/],
      [`${key('k1')},${key('k1')}`, /the key id "k1" appears more than once/],
      [randomBytes(32).toString('base64').replace(/[+/=]/g, 'a'), /entry 1 is not <id>:<base64 of 32 bytes>/],
      [`bad id:${randomBytes(32).toString('base64')}`, /entry 1: the key id must be/],
      ['', /no key/],
    ];
    for (const [text, message] of cases) {
      let error: Error | undefined;
      try {
        parseKeyRing(text);
      } catch (err) {
        error = err as Error;
      }
      expect(error?.message, text).toMatch(message);
      const material = text.split(',').map((e) => e.slice(e.indexOf(':') + 1)).filter((m) => m.length >= 8);
      for (const m of material) expect(error!.message).not.toContain(m);
    }
  });
});

describe('the key file', () => {
  it('is created with mode 0600 holding one key, and the same key is read on the next start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-keyfile-'));
    try {
      const file = path.join(dir, 'tidings.key');
      const first = loadOrCreateKeyFile(file);
      expect(first.created).toBe(true);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const again = loadOrCreateKeyFile(file);
      expect(again.created).toBe(false);
      expect(formatKeyRing(again.ring)).toBe(formatKeyRing(first.ring));
      expect(fs.readdirSync(dir)).toEqual(['tidings.key']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
