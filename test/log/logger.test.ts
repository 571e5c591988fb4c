import { describe, expect, it } from 'vitest';
import { createLogger, prettyLine } from '../../src/log.js';

// The logger: JSON lines at the configured level, redaction of fields that usually hold secrets,
// and readable lines for a terminal.

function capture(level: 'debug' | 'info' | 'warn', pretty = false) {
  const lines: string[] = [];
  return { lines, log: createLogger({ level, pretty, write: (line) => lines.push(line) }) };
}

describe('the logger', () => {
  it('writes one JSON line per call with the message and fields, from the configured level up', () => {
    const { lines, log } = capture('info');
    log.debug('not written');
    log.info('started', { url: 'http://127.0.0.1:4000' });
    log.warn('attempt failed', { deliveryId: 'dlv_1', endpointId: 'ep_1' });
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'started', url: 'http://127.0.0.1:4000', time: expect.any(Number) });
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 40, msg: 'attempt failed', deliveryId: 'dlv_1', endpointId: 'ep_1' });
  });

  it('redacts fields that usually hold secrets or payloads, also one level down', () => {
    const { lines, log } = capture('debug');
    log.info('careless', { secret: 'whsec_x', token: 't', payload: '{"a":1}', nested: { authorization: 'Bearer b', body: 'hello' }, kept: 'ok' });
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ secret: '[redacted]', token: '[redacted]', payload: '[redacted]', nested: { authorization: '[redacted]', body: '[redacted]' }, kept: 'ok' });
    expect(lines[0]).not.toMatch(/whsec_x|Bearer b|hello/);
  });

  it('redacts receiver credentials and key rings too (auth, password, clientSecret, encryptionKeys)', () => {
    const { lines, log } = capture('debug');
    log.info('careless', { auth: { kind: 'BEARER', token: 'b-tok' }, nested: { password: 'pw-1', clientSecret: 'cs-1' }, encryptionKeys: 'k1:AAAA', kept: 'ok' });
    expect(JSON.parse(lines[0]!)).toMatchObject({ auth: '[redacted]', nested: { password: '[redacted]', clientSecret: '[redacted]' }, encryptionKeys: '[redacted]', kept: 'ok' });
    expect(lines[0]).not.toMatch(/b-tok|pw-1|cs-1|k1:AAAA/);
  });

  it('writes readable lines for a terminal: time, level, message, fields', () => {
    const { lines, log } = capture('info', true);
    log.warn('delivery attempt failed', { deliveryId: 'dlv_1', error: 'timed out after 300ms' });
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN  delivery attempt failed {2}deliveryId=dlv_1 error="timed out after 300ms"\n$/);
    expect(prettyLine(JSON.stringify({ level: 50, time: 0, msg: 'x', pid: 1 }))).toBe('00:00:00.000 ERROR x\n');
  });
});
