import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runTidingsUntilExit, startTidingsProcess, stopAllTidingsProcesses, type TidingsProcess } from '../support/processes.js';

// What `node src/main.ts` prints and how it exits when it starts, or cannot: warnings about the
// configuration, where the admin token comes from, and one clear line (no stack trace) for every
// reason it cannot start.

const STACK_FRAME = /^\s+at /m;

/** The lines of `output` that contain every one of `words`. */
function linesWith(output: string, ...words: string[]): string[] {
  return output.split('\n').filter((line) => words.every((word) => line.includes(word)));
}

describe('start-up', () => {
  const dirs: string[] = [];
  const servers: net.Server[] = [];
  const started: TidingsProcess[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-startup-'));
    dirs.push(dir);
    return dir;
  };

  afterEach(async () => {
    for (const p of started.splice(0)) await p.kill();
    for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  afterAll(stopAllTidingsProcesses);

  async function start(env: Record<string, string | undefined>) {
    const p = await startTidingsProcess(env, { startTimeoutMs: 45_000 });
    started.push(p);
    return p;
  }

  describe('on a port already in use', () => {
    it('exits non-zero with one line naming the port, PORT and HOST, and no stack trace', async () => {
      const occupier = net.createServer();
      servers.push(occupier);
      await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
      const port = (occupier.address() as net.AddressInfo).port;

      const { code, signal, output } = await runTidingsUntilExit({ PORT: String(port), HOST: '127.0.0.1', TIDINGS_DATA_DIR: tempDir() });

      expect({ signal, failed: code !== 0 && code !== null }, output).toEqual({ signal: null, failed: true });
      expect(linesWith(output, String(port), 'PORT', 'HOST'), output).toHaveLength(1);
      expect(output).not.toMatch(STACK_FRAME);
      expect(output).not.toContain('Internal error emitted');
    });
  });

  describe('the configuration', () => {
    it('refuses a weak TIDINGS_ADMIN_TOKEN, saying the rule, and exits non-zero', async () => {
      const { code, output } = await runTidingsUntilExit({ TIDINGS_ADMIN_TOKEN: 'short', TIDINGS_DATA_DIR: tempDir() });
      expect(code, output).toBe(1);
      expect(linesWith(output, 'TIDINGS_ADMIN_TOKEN', 'at least 32 characters'), output).toHaveLength(1);
      expect(output).not.toMatch(STACK_FRAME);
    });

    it('warns about an unknown TIDINGS_* variable, naming the closest known one, and still starts', async () => {
      const p = await start({ TIDINGS_DATA_DIR: tempDir(), TIDINGS_ALLOW_PRIVATE_TARGET: 'true' });
      expect(p.output()).toContain('warning: TIDINGS_ALLOW_PRIVATE_TARGET is not a Tidings setting and is ignored; did you mean TIDINGS_ALLOW_PRIVATE_TARGETS?');
    });

    it('warns when TIDINGS_ALLOW_PRIVATE_TARGETS is on, and not when it is off', async () => {
      const on = await start({ TIDINGS_DATA_DIR: tempDir(), TIDINGS_ALLOW_PRIVATE_TARGETS: 'true' });
      expect(linesWith(on.output(), 'warning: TIDINGS_ALLOW_PRIVATE_TARGETS is on'), on.output()).toHaveLength(1);
      const off = await start({ TIDINGS_DATA_DIR: tempDir(), TIDINGS_ALLOW_PRIVATE_TARGETS: 'false' });
      expect(off.output()).not.toContain('warning:');
    });
  });

  describe('the start-up line says where the admin token comes from', () => {
    it('the environment, when TIDINGS_ADMIN_TOKEN is set', async () => {
      const p = await start({ TIDINGS_DATA_DIR: tempDir() });
      expect(linesWith(p.output(), 'Tidings listening on', 'admin token: TIDINGS_ADMIN_TOKEN'), p.output()).toHaveLength(1);
    });

    it('generated now on a first start without it, then the store (generated earlier) on the next', async () => {
      const dataDir = tempDir();
      const first = await start({ TIDINGS_DATA_DIR: dataDir, TIDINGS_ADMIN_TOKEN: undefined });
      expect(linesWith(first.output(), 'Tidings listening on', 'admin token: generated now'), first.output()).toHaveLength(1);
      await first.stop();
      const second = await start({ TIDINGS_DATA_DIR: dataDir, TIDINGS_ADMIN_TOKEN: undefined });
      expect(linesWith(second.output(), 'Tidings listening on', 'admin token: generated on an earlier start'), second.output()).toHaveLength(1);
      expect(second.output()).not.toContain('generated now');
    });
  });

  describe('the encryption key of stored secrets', () => {
    it('without TIDINGS_ENCRYPTION_KEY the embedded store creates a key file (mode 0600) beside its data, says so in one line, and reuses it on restart', async () => {
      const dataDir = tempDir();
      const keyFile = path.join(dataDir, 'tidings.key');
      const first = await start({ TIDINGS_DATA_DIR: dataDir });
      expect(linesWith(first.output(), keyFile, 'created now', 'back it up with the database'), first.output()).toHaveLength(1);
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      const key = fs.readFileSync(keyFile, 'utf8');
      expect(key).toMatch(/^local1:[A-Za-z0-9+/]{43}=\n$/);
      expect(first.output()).not.toContain(key.trim().slice(7));
      await first.stop();
      const second = await start({ TIDINGS_DATA_DIR: dataDir });
      expect(linesWith(second.output(), keyFile, 'kept from an earlier start', 'back it up with the database'), second.output()).toHaveLength(1);
      expect(fs.readFileSync(keyFile, 'utf8')).toBe(key);
    });

    it('with TIDINGS_ENCRYPTION_KEY no key file is made and none is mentioned', async () => {
      const dataDir = tempDir();
      const p = await start({ TIDINGS_DATA_DIR: dataDir, TIDINGS_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 5).toString('base64')}` });
      expect(fs.existsSync(path.join(dataDir, 'tidings.key'))).toBe(false);
      expect(p.output()).not.toContain('tidings.key');
    });

    it('MongoDB without TIDINGS_ENCRYPTION_KEY: refuses to start with one line naming it, exit 1', async () => {
      const { code, output } = await runTidingsUntilExit({ MONGODB_URI: 'mongodb://127.0.0.1:9/tidings', TIDINGS_ENCRYPTION_KEY: undefined, TIDINGS_DATA_DIR: tempDir() });
      expect(code, output).toBe(1);
      expect(linesWith(output, 'TIDINGS_ENCRYPTION_KEY is required with MONGODB_URI', 'openssl rand -base64 32'), output).toHaveLength(1);
      expect(output).not.toMatch(STACK_FRAME);
    });

    it('refuses a key of the wrong length with one line, without printing the key', async () => {
      const short = Buffer.alloc(16, 7).toString('base64');
      const { code, output } = await runTidingsUntilExit({ TIDINGS_ENCRYPTION_KEY: `k1:${short}`, TIDINGS_DATA_DIR: tempDir() });
      expect(code, output).toBe(1);
      expect(linesWith(output, 'TIDINGS_ENCRYPTION_KEY', 'k1', 'is 16 bytes, it must be 32'), output).toHaveLength(1);
      expect(output).not.toContain(short);
      expect(output).not.toMatch(STACK_FRAME);
    });
  });

  describe('an unusable data folder', () => {
    it('a corrupt tidings.sqlite: one line naming the file, no stack trace, exit non-zero', async () => {
      const dataDir = tempDir();
      const file = path.join(dataDir, 'tidings.sqlite');
      fs.writeFileSync(file, 'this is not a SQLite database, it only sits where one should be\n'.repeat(100));
      const { code, signal, output } = await runTidingsUntilExit({ TIDINGS_DATA_DIR: dataDir }, 10_000);
      expect({ signal, failed: code !== 0 && code !== null }, output).toEqual({ signal: null, failed: true });
      expect(linesWith(output, file), output).toHaveLength(1);
      expect(output).not.toMatch(STACK_FRAME);
    });

    it('a folder that cannot be created (under a regular file): one line naming it, exit non-zero', async () => {
      const blocker = path.join(tempDir(), 'a-file');
      fs.writeFileSync(blocker, '');
      const dataDir = path.join(blocker, 'data');
      const { code, signal, output } = await runTidingsUntilExit({ TIDINGS_DATA_DIR: dataDir }, 10_000);
      expect({ signal, failed: code !== 0 && code !== null }, output).toEqual({ signal: null, failed: true });
      expect(linesWith(output, dataDir, 'TIDINGS_DATA_DIR'), output).toHaveLength(1);
      expect(output).not.toMatch(STACK_FRAME);
    });

    it('a tidings.sqlite that cannot be opened (a folder in its place): one line naming it, exit non-zero', async () => {
      const dataDir = tempDir();
      const file = path.join(dataDir, 'tidings.sqlite');
      fs.mkdirSync(file);
      const { code, signal, output } = await runTidingsUntilExit({ TIDINGS_DATA_DIR: dataDir }, 10_000);
      expect({ signal, failed: code !== 0 && code !== null }, output).toEqual({ signal: null, failed: true });
      expect(linesWith(output, file, 'TIDINGS_DATA_DIR'), output).toHaveLength(1);
      expect(output).not.toMatch(STACK_FRAME);
    });

    it('a folder where nothing can be created (/proc): exits by itself, naming it, instead of hanging', async () => {
      const dataDir = `/proc/tidings-startup-test-${process.pid}/data`;
      const { code, signal, output } = await runTidingsUntilExit({ TIDINGS_DATA_DIR: dataDir }, 10_000);
      expect({ signal, failed: code !== 0 && code !== null }, output).toEqual({ signal: null, failed: true });
      expect(linesWith(output, dataDir, 'TIDINGS_DATA_DIR'), output).toHaveLength(1);
      expect(output).not.toMatch(STACK_FRAME);
    });
  });
});
