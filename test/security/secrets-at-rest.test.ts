import { generateKeyPairSync, verify as verifySignature, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { ADMIN_SCOPE } from '../../src/domain/records.js';
import { silentLogger } from '../../src/log.js';
import { resealUntilDone } from '../../src/cli/rotate-encryption-key.js';
import { MongoStore } from '../../src/store/mongo/mongo-store.js';
import type { Store } from '../../src/store/ports.js';
import { formatKeyRing, generateKeyRing, type KeyRing } from '../../src/store/secret-box.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { RotateEndpointSecretDocument } from '../generated/graphql.js';
import { STORES, type StoreKind } from '../delivery/on-each-store.js';
import { application, endpoint, eventType, publish, requestsOf, waitForDeliveryStatus } from '../delivery/options-helpers.js';
import { startMongoServer, type MongoServer } from '../support/ferretdb.js';
import { GqlClient } from '../support/gql.js';
import { spawnInRepo, tidingsChildEnv } from '../support/processes.js';
import { startReceiver, type ReceivedRequest, type Receiver } from '../support/receiver.js';
import { TEST_ADMIN_TOKEN, testConfig } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// Secrets at rest: every endpoint signing secret (current and rotated-out, HMAC and Ed25519) and
// every receiver credential is stored encrypted; the raw database (the SQLite file and its WAL, the
// MongoDB documents) holds none of them, and `tidings rotate-encryption-key` moves them to a new key.

const K1 = generateKeyRing('k1');
const K2 = generateKeyRing('k2');
const RING_1: KeyRing = K1;
const RING_2_1: KeyRing = [...K2, ...K1];
const RING_2: KeyRing = K2;

/** An Ed25519 key as Tidings takes it (`whsk_` + base64 of seed ‖ public key) and its public key object. */
function ed25519Key() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const secret = `whsk_${Buffer.concat([Buffer.from(jwk.d!, 'base64url'), Buffer.from(jwk.x!, 'base64url')]).toString('base64')}`;
  return { secret, publicKey };
}

function ed25519Verifies(request: ReceivedRequest, publicKey: ReturnType<typeof createPublicKey>): boolean {
  const content = Buffer.from(`${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`);
  return String(request.headers['webhook-signature']).split(' ').some((s) => s.startsWith('v1a,') && verifySignature(null, content, publicKey, Buffer.from(s.slice(4), 'base64')));
}

function hmacVerifies(request: ReceivedRequest, secret: string): boolean {
  const headers = { 'webhook-id': String(request.headers['webhook-id']), 'webhook-timestamp': String(request.headers['webhook-timestamp']), 'webhook-signature': String(request.headers['webhook-signature']) };
  try {
    new StandardWebhook(secret).verify(request.body, headers);
    return true;
  } catch {
    return false;
  }
}

describe.each(STORES)('secrets at rest on %s', (kind: StoreKind) => {
  let mongo: MongoServer | undefined;
  const dbName = `tidings_secrets_${process.pid}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-secrets-'));
  const sqliteFile = path.join(dataDir, 'tidings.sqlite');
  let receiver: Receiver;
  let tokens: Receiver;
  let issued = 0;
  let running: { store: Store; app: App; admin: GqlClient } | undefined;

  beforeAll(async () => {
    if (kind === 'MongoDB') mongo = await startMongoServer();
    receiver = await startReceiver();
    tokens = await startReceiver(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ access_token: `issued-access-token-${++issued}`, expires_in: 3600 }) }));
  }, 30_000);

  afterAll(async () => {
    await stop();
    await receiver?.close();
    await tokens?.close();
    await mongo?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const openStore = async (ring: KeyRing): Promise<Store> =>
    kind === 'MongoDB' ? MongoStore.connect(mongo!.uri, dbName, { keyRing: ring }) : SqliteStore.inDataDir(dataDir, ring);

  async function serve(ring: KeyRing) {
    const store = await openStore(ring);
    const app = await createApp({ config: testConfig({ dataDir }), store, log: silentLogger });
    const url = await app.start(0, '127.0.0.1');
    running = { store, app, admin: new GqlClient(`${url}/graphql`, TEST_ADMIN_TOKEN) };
    return running;
  }

  async function stop() {
    await running?.app.stop();
    await running?.store.close();
    running = undefined;
  }

  /** Every byte of the database as text: the SQLite file and its WAL, or every MongoDB document. */
  async function rawDatabase(): Promise<string> {
    if (kind === 'SQLite') {
      return [sqliteFile, `${sqliteFile}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('\n');
    }
    const client = await MongoClient.connect(mongo!.uri);
    try {
      const db = client.db(dbName);
      const dumps: string[] = [];
      for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) dumps.push(JSON.stringify(await db.collection(name).find({}).toArray()));
      return dumps.join('\n');
    } finally {
      await client.close();
    }
  }

  /** The stored secret fields of each endpoint, read with the raw driver. */
  async function rawEndpoints(): Promise<Map<string, string>> {
    if (kind === 'SQLite') {
      const db = new Database(sqliteFile, { readonly: true });
      try {
        const rows = db.prepare('SELECT id, secrets, delivery_options FROM endpoints').all() as { id: string; secrets: string; delivery_options: string }[];
        return new Map(rows.map((r) => [r.id, `${r.secrets} ${r.delivery_options}`]));
      } finally {
        db.close();
      }
    }
    const client = await MongoClient.connect(mongo!.uri);
    try {
      const docs = await client.db(dbName).collection<{ _id: string; secrets?: unknown; deliveryOptions?: string }>('endpoints').find({}).toArray();
      return new Map(docs.map((d) => [d._id, JSON.stringify({ secrets: d.secrets, deliveryOptions: d.deliveryOptions })]));
    } finally {
      await client.close();
    }
  }

  async function writeRawEndpoint(id: string, secrets: unknown, delivery: unknown): Promise<void> {
    if (kind === 'SQLite') {
      const db = new Database(sqliteFile);
      try {
        db.prepare('UPDATE endpoints SET secrets = ?, delivery_options = ? WHERE id = ?').run(JSON.stringify(secrets), JSON.stringify(delivery), id);
      } finally {
        db.close();
      }
      return;
    }
    const client = await MongoClient.connect(mongo!.uri);
    try {
      await client.db(dbName).collection<{ _id: string }>('endpoints').updateOne({ _id: id }, { $set: { secrets, deliveryOptions: JSON.stringify(delivery) } });
    } finally {
      await client.close();
    }
  }

  const keyIds = (text: string) => [...new Set([...text.matchAll(/tdenc1:([A-Za-z0-9_-]+):/g)].map((m) => m[1]))].sort();

  // Filled by the first test, used by the next ones.
  let appId = '';
  let type = '';
  const ed = ed25519Key();
  const made = { hmac: { id: '', tag: '', old: '', current: '' }, ed: { id: '', tag: '' }, basic: { id: '', tag: '' }, bearer: { id: '', tag: '' }, oauth: { id: '', tag: '' } };
  const CREDENTIALS = { password: 'basic-password-at-rest', token: 'bearer-token-at-rest', clientSecret: 'oauth-client-secret-at-rest' };

  /** Publishes one event and checks every endpoint got it signed with its secrets and authenticated with its credentials. */
  async function deliverAndCheck(admin: GqlClient) {
    const before = receiver.requests.length;
    const published = await publish(admin, { applicationId: appId, type, payload: { at: Date.now() } });
    expect(published.deliveries).toHaveLength(5);
    for (const d of published.deliveries) await waitForDeliveryStatus(admin, d.id, 'SUCCEEDED');
    const latest = (tag: string) => requestsOf(receiver.requests.slice(before), tag)[0]!;
    const hmac = latest(made.hmac.tag);
    expect({ old: hmacVerifies(hmac, made.hmac.old), current: hmacVerifies(hmac, made.hmac.current), other: hmacVerifies(hmac, `whsec_${Buffer.alloc(32, 7).toString('base64')}`) })
      .toEqual({ old: true, current: true, other: false });
    expect(ed25519Verifies(latest(made.ed.tag), ed.publicKey)).toBe(true);
    expect(hmacVerifies(latest(made.basic.tag), made.hmac.current)).toBe(false);
    expect(latest(made.basic.tag).headers.authorization).toBe(`Basic ${Buffer.from(`hook-user:${CREDENTIALS.password}`).toString('base64')}`);
    expect(latest(made.bearer.tag).headers.authorization).toBe(`Bearer ${CREDENTIALS.token}`);
    expect(latest(made.oauth.tag).headers.authorization).toMatch(/^Bearer issued-access-token-\d+$/);
    expect(tokens.requests.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from(`oauth-client:${CREDENTIALS.clientSecret}`).toString('base64')}`);
  }

  it('stores no signing secret (current, rotated-out, Ed25519) and no receiver credential in plain text, and still delivers signed and authenticated', async () => {
    const { admin } = await serve(RING_1);
    appId = await application(admin);
    type = await eventType(admin);
    const hmac = await endpoint(admin, appId, receiver.url);
    const { rotateEndpointSecret } = await admin.run(RotateEndpointSecretDocument, { input: { id: hmac.id } });
    made.hmac = { id: hmac.id, tag: hmac.tag, old: hmac.secret, current: rotateEndpointSecret.secret };
    made.ed = await endpoint(admin, appId, receiver.url, { signatureScheme: 'ED25519', secret: ed.secret });
    made.basic = await endpoint(admin, appId, receiver.url, { auth: { basic: { username: 'hook-user', password: CREDENTIALS.password } } });
    made.bearer = await endpoint(admin, appId, receiver.url, { auth: { bearer: { token: CREDENTIALS.token } } });
    made.oauth = await endpoint(admin, appId, receiver.url, {
      auth: { oauth2ClientCredentials: { tokenUrl: `${tokens.url}/token`, clientId: 'oauth-client', clientSecret: CREDENTIALS.clientSecret } },
    });
    await deliverAndCheck(admin);

    const secrets: [string, string][] = [
      ['the rotated-out secret', made.hmac.old], ['its key', made.hmac.old.slice(6)],
      ['the current secret', made.hmac.current], ['its key', made.hmac.current.slice(6)],
      ['the Ed25519 private key', ed.secret], ['its bytes', ed.secret.slice(5)],
      ['the basic password', CREDENTIALS.password], ['the bearer token', CREDENTIALS.token], ['the OAuth2 client secret', CREDENTIALS.clientSecret],
      ['an OAuth2 access token', 'issued-access-token-'],
      ['key k1', K1[0]!.key.toString('base64')],
    ];
    // While open (the WAL holds the latest writes), then once closed (checkpointed into the file).
    const whileOpen = await rawDatabase();
    if (kind === 'SQLite') expect(fs.existsSync(`${sqliteFile}-wal`)).toBe(true);
    await stop();
    const closed = await rawDatabase();
    expect(closed).toContain(made.hmac.id); // the dump is of the right database
    for (const [what, secret] of secrets) {
      expect(whileOpen.includes(secret), `the open database holds ${what}`).toBe(false);
      expect(closed.includes(secret), `the closed database holds ${what}`).toBe(false);
    }
    const rows = await rawEndpoints();
    expect(rows.size).toBe(5);
    for (const [id, text] of rows) expect(keyIds(text), id).toEqual(['k1']);
  }, 60_000);

  it('does not open a secret copied into another endpoint', async () => {
    const rows = await rawEndpoints();
    const store = await openStore(RING_1);
    try {
      // The original reads; the same ciphertext in the bearer endpoint's row does not.
      expect((await store.findEndpoint(ADMIN_SCOPE, made.hmac.id))?.secrets.map((s) => s.secret)).toEqual([made.hmac.current, made.hmac.old]);
    } finally {
      await store.close();
    }
    const bearerRow = rows.get(made.bearer.id)!;
    const copied = kind === 'SQLite' ? JSON.parse(rows.get(made.hmac.id)!.split(' ')[0]!) : JSON.parse(rows.get(made.hmac.id)!).secrets;
    const bearerDelivery = kind === 'SQLite' ? JSON.parse(bearerRow.slice(bearerRow.indexOf(' ') + 1)) : JSON.parse(JSON.parse(bearerRow).deliveryOptions);
    const original = kind === 'SQLite' ? JSON.parse(bearerRow.split(' ')[0]!) : JSON.parse(bearerRow).secrets;
    await writeRawEndpoint(made.bearer.id, copied, bearerDelivery);
    const again = await openStore(RING_1);
    try {
      await expect(again.findEndpoint(ADMIN_SCOPE, made.bearer.id)).rejects.toThrow(/altered or belongs to another record/);
    } finally {
      await again.close();
    }
    await writeRawEndpoint(made.bearer.id, original, bearerDelivery);
  }, 30_000);

  it('refuses to open a database whose secrets are encrypted with a key the ring lacks, naming the key (removed before rotating)', async () => {
    await expect(openStore(RING_2)).rejects.toThrow(/stored secrets are encrypted with key "k1", which the key ring .* does not have/);
    // The failed open changed nothing: the right ring still opens it.
    const store = await openStore(RING_1);
    await store.close();
  }, 30_000);

  it('tidings rotate-encryption-key re-encrypts every secret under the first key while the server runs; with the old key removed deliveries still sign and authenticate', async () => {
    await serve(RING_2_1);
    const env = kind === 'MongoDB' ? { MONGODB_URI: mongo!.uri, TIDINGS_MONGODB_DB: dbName } : { TIDINGS_DATA_DIR: dataDir };
    const run = async () => {
      const { output, exited } = spawnInRepo(process.execPath, ['src/cli/tidings.js', 'rotate-encryption-key'], tidingsChildEnv({ ...env, TIDINGS_ENCRYPTION_KEY: formatKeyRing(RING_2_1) }));
      const { code } = await exited;
      return { code, output: output() };
    };
    const first = await run();
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('under key "k2"');
    expect(first.output).toContain('5 endpoints looked at, 5 re-encrypted');
    // A pass that re-encrypted something is followed by a check that finds nothing left.
    expect(first.output).toMatch(/Checking again \(pass 2\)[^\n]*\n {2}5 endpoints looked at, 0 re-encrypted/);
    expect(first.output).toContain('Done: 5 of 5 endpoints re-encrypted');
    for (const [id, text] of await rawEndpoints()) expect(keyIds(text), id).toEqual(['k2']);
    expect(first.output).not.toContain(K2[0]!.key.toString('base64'));
    // Nothing left to do the second time.
    const second = await run();
    expect(second.output, second.output).toContain('Done: 0 of 5 endpoints re-encrypted');
    expect(second.output).not.toContain('Checking again');

    await stop();
    const { admin } = await serve(RING_2);
    await deliverAndCheck(admin);
    await stop();
  }, 90_000);

  it('reads secrets a previous version stored in plain text, and re-encrypting seals them', async () => {
    const legacySecret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
    const legacyToken = 'legacy-plain-bearer-token';
    await writeRawEndpoint(made.bearer.id, [{ secret: legacySecret, expiresAt: null }], { auth: { kind: 'BEARER', token: legacyToken } });
    expect((await rawEndpoints()).get(made.bearer.id)).toContain(legacyToken);
    const { store, admin } = await serve(RING_2);
    const before = receiver.requests.length;
    const published = await publish(admin, { applicationId: appId, type, payload: { legacy: true } });
    for (const d of published.deliveries) await waitForDeliveryStatus(admin, d.id, 'SUCCEEDED');
    const request = await waitFor('the legacy endpoint request', () => requestsOf(receiver.requests.slice(before), made.bearer.tag)[0]);
    expect(hmacVerifies(request, legacySecret)).toBe(true);
    expect(request.headers.authorization).toBe(`Bearer ${legacyToken}`);

    // Batches of 2: the legacy endpoint is the fourth. (A health write racing it on FerretDB, which has
    // no atomic single-document update, may put the plain text back: the check pass seals it again.)
    const lines: string[] = [];
    expect(await resealUntilDone(store, (pass, n) => lines.push(`${pass}:${n.walked}/${n.resealed}`), 2)).toMatchObject({ walked: 5 });
    expect(lines.slice(0, 3)).toEqual(['1:2/0', '1:4/1', '1:5/1']);
    const lastPass = lines.at(-1)!.split(':')[0];
    expect(Number(lastPass)).toBeGreaterThanOrEqual(2);
    expect(lines.filter((l) => l.startsWith(`${lastPass}:`))).toEqual([`${lastPass}:2/0`, `${lastPass}:4/0`, `${lastPass}:5/0`]);
    const row = (await rawEndpoints()).get(made.bearer.id)!;
    expect(row).not.toContain(legacyToken);
    expect(row).not.toContain(legacySecret);
    expect(keyIds(row)).toEqual(['k2']);
    await stop();
  }, 60_000);
});
