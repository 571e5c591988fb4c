import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, VARIABLES } from '../../src/config.js';
import { TEST_ADMIN_TOKEN } from '../support/admin-token.js';

// loadConfig is pure: it takes an environment and returns settings and warnings, or throws
// ConfigError saying what to change. main.ts prints what it returns.

describe('TIDINGS_ADMIN_TOKEN', () => {
  it.each([
    ['short', 'short'],
    ['31 characters', 'tdk_adm_0123456789abcdefghijklm'],
    ['one repeated character', 'a'.repeat(64)],
    ['too few different characters', 'abcabcabcabcabcabcabcabcabcabcabcabc'],
  ])('is refused when %s, with the rule in the message', (_what, token) => {
    expect(() => loadConfig({ TIDINGS_ADMIN_TOKEN: token })).toThrow(ConfigError);
    expect(() => loadConfig({ TIDINGS_ADMIN_TOKEN: token })).toThrow(/TIDINGS_ADMIN_TOKEN.*at least 32 characters.*at least 8 different characters/);
  });

  it('accepts the README example (tdk_adm_change-me- and 32 hex digits) and the tests\' token', () => {
    const readmeExample = `tdk_adm_change-me-${'0123456789abcdef'.repeat(2)}`;
    expect(loadConfig({ TIDINGS_ADMIN_TOKEN: readmeExample }).adminToken).toBe(readmeExample);
    expect(loadConfig({ TIDINGS_ADMIN_TOKEN: TEST_ADMIN_TOKEN }).adminToken).toBe(TEST_ADMIN_TOKEN);
  });

  it('unset or empty means "generate one"', () => {
    expect(loadConfig({}).adminToken).toBeUndefined();
    expect(loadConfig({ TIDINGS_ADMIN_TOKEN: '' }).adminToken).toBeUndefined();
  });
});

describe('warnings', () => {
  it('are empty for a configuration with only known settings and private targets refused', () => {
    expect(loadConfig({ TIDINGS_ADMIN_TOKEN: TEST_ADMIN_TOKEN, PORT: '0', TIDINGS_ROLE: 'api', HOME: '/root', TIDINGSX: '1' }).warnings).toEqual([]);
  });

  it('name an unknown TIDINGS_* variable and the known one it most resembles', () => {
    const { warnings } = loadConfig({ TIDINGS_ALLOW_PRIVATE_TARGET: 'true', TIDINGS_SHUTDOWN_GRACE_PERIOD: '5s' });
    expect(warnings).toEqual([
      'TIDINGS_ALLOW_PRIVATE_TARGET is not a Tidings setting and is ignored; did you mean TIDINGS_ALLOW_PRIVATE_TARGETS?',
      'TIDINGS_SHUTDOWN_GRACE_PERIOD is not a Tidings setting and is ignored; did you mean TIDINGS_SHUTDOWN_GRACE?',
    ]);
  });

  it('suggest nothing for an unknown variable that resembles no known one', () => {
    expect(loadConfig({ TIDINGS_FROBNICATE_EVERYTHING: '1' }).warnings).toEqual([
      'TIDINGS_FROBNICATE_EVERYTHING is not a Tidings setting and is ignored (see Configuration in README.md)',
    ]);
  });

  it('say that TIDINGS_ALLOW_PRIVATE_TARGETS=true lets endpoints reach private addresses', () => {
    expect(loadConfig({ TIDINGS_ALLOW_PRIVATE_TARGETS: 'true' }).warnings).toEqual([
      expect.stringMatching(/^TIDINGS_ALLOW_PRIVATE_TARGETS is on: endpoints may target loopback, private and cloud-metadata addresses/),
    ]);
    expect(loadConfig({ TIDINGS_ALLOW_PRIVATE_TARGETS: 'false' }).warnings).toEqual([]);
  });

});

describe('the list of known variables', () => {
  it('is the README Configuration table, row for row', () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...VARIABLES].sort());
  });
});

describe('TIDINGS_STATS_LIVE_INTERVAL', () => {
  it('defaults to 5s, takes a duration, and refuses less than 100ms', () => {
    expect(loadConfig({}).statsLiveIntervalMs).toBe(5000);
    expect(loadConfig({ TIDINGS_STATS_LIVE_INTERVAL: '250ms' }).statsLiveIntervalMs).toBe(250);
    expect(() => loadConfig({ TIDINGS_STATS_LIVE_INTERVAL: '50ms' })).toThrow(ConfigError);
    expect(() => loadConfig({ TIDINGS_STATS_LIVE_INTERVAL: '5' })).toThrow(/not a duration/);
  });
});

describe('TIDINGS_PORTAL_FRAME_ANCESTORS', () => {
  it('is empty (framing forbidden) when unset, and a list of origins separated by spaces or commas', () => {
    expect(loadConfig({}).portalFrameAncestors).toEqual([]);
    expect(loadConfig({ TIDINGS_PORTAL_FRAME_ANCESTORS: 'https://a.example.com, http://localhost:3000/  https://b.example.com:8443' }).portalFrameAncestors).toEqual([
      'https://a.example.com',
      'http://localhost:3000',
      'https://b.example.com:8443',
    ]);
  });

  it('refuses anything that is not an http(s) origin, naming it', () => {
    for (const value of ['*', "'self'", 'example.com', 'https://a.example.com/portal', 'javascript:alert(1)']) {
      expect(() => loadConfig({ TIDINGS_PORTAL_FRAME_ANCESTORS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TIDINGS_PORTAL_FRAME_ANCESTORS: value })).toThrow(`"${value}" is not an origin`);
    }
  });
});

describe('TIDINGS_ENCRYPTION_KEY', () => {
  const key = (byte: number, bytes = 32) => Buffer.alloc(bytes, byte).toString('base64');

  it('is a key ring, newest first; unset means the embedded store\'s key file', () => {
    const ring = loadConfig({ TIDINGS_ENCRYPTION_KEY: `k2:${key(2)},k1:${key(1)}` }).encryptionKeys!;
    expect(ring.map((k) => [k.id, k.key.equals(Buffer.alloc(32, k.id === 'k2' ? 2 : 1))])).toEqual([['k2', true], ['k1', true]]);
    expect(loadConfig({}).encryptionKeys).toBeUndefined();
  });

  it.each([
    ['a key of the wrong length', `k1:${key(1, 24)}`, /TIDINGS_ENCRYPTION_KEY: entry 1 \(key id "k1"\): the key is 24 bytes, it must be 32/],
    ['bad base64', 'k1:%%%%', /TIDINGS_ENCRYPTION_KEY: entry 1 \(key id "k1"\): the key is not valid base64/],
    ['a repeated id', `k1:${key(1)},k1:${key(2)}`, /TIDINGS_ENCRYPTION_KEY: the key id "k1" appears more than once/],
  ])('refuses %s, naming the entry and never the key', (_what, value, message) => {
    expect(() => loadConfig({ TIDINGS_ENCRYPTION_KEY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TIDINGS_ENCRYPTION_KEY: value })).toThrow(message);
    try {
      loadConfig({ TIDINGS_ENCRYPTION_KEY: value });
    } catch (err) {
      for (const entry of value.split(',')) expect((err as Error).message).not.toContain(entry.slice(3));
    }
  });

  it('is required with MONGODB_URI', () => {
    expect(() => loadConfig({ MONGODB_URI: 'mongodb://db:27017' })).toThrow(/TIDINGS_ENCRYPTION_KEY is required with MONGODB_URI/);
    expect(loadConfig({ MONGODB_URI: 'mongodb://db:27017', TIDINGS_ENCRYPTION_KEY: `k1:${key(1)}` }).encryptionKeys).toHaveLength(1);
  });
});

describe('abuse limits (TIDINGS_API_RATE, TIDINGS_API_BURST, TIDINGS_MAX_*_PER_KEY)', () => {
  it('default to 100 requests a second, bursts of 200, 100 subscriptions and 20 connections per credential', () => {
    const config = loadConfig({});
    expect([config.apiRate, config.apiBurst, config.maxSubscriptionsPerKey, config.maxConnectionsPerKey]).toEqual([100, 200, 100, 20]);
  });

  it('take whole numbers, 0 meaning no limit (not for the burst), and refuse the rest naming the variable', () => {
    expect(loadConfig({ TIDINGS_API_RATE: '0', TIDINGS_MAX_CONNECTIONS_PER_KEY: '0' })).toMatchObject({ apiRate: 0, maxConnectionsPerKey: 0 });
    expect(() => loadConfig({ TIDINGS_API_RATE: '-1' })).toThrow(/TIDINGS_API_RATE: "-1" must be a whole number/);
    expect(() => loadConfig({ TIDINGS_API_BURST: '0' })).toThrow(/TIDINGS_API_BURST/);
    expect(() => loadConfig({ TIDINGS_MAX_SUBSCRIPTIONS_PER_KEY: 'many' })).toThrow(/TIDINGS_MAX_SUBSCRIPTIONS_PER_KEY/);
  });
});
