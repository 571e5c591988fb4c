import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { application, endpoint, eventType, publish, waitForRequestOf } from './options-helpers.js';
import { useServerOn, type StoreServer } from './on-each-store.js';

// The CloudEvents formats read by the official Python SDK (PyPI `cloudevents`, installed by
// .ci/run into .tmp/py). A missing Python or package fails this test: it never skips.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PYTHON = process.env.TIDINGS_TEST_PYTHON ?? path.join(ROOT, '.tmp', 'py', 'bin', 'python');
const SCRIPT = path.join(ROOT, 'test', 'python', 'read_cloudevents.py');

describe('CloudEvents formats and the Python SDK', () => {
  let s: StoreServer;
  useServerOn('SQLite', (started) => (s = started));

  it('the Python cloudevents SDK reads structured and binary deliveries as the event (id, type, source, data)', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin);
    const structured = await endpoint(s.admin, app, s.receiver.url, { format: 'CLOUDEVENTS_STRUCTURED' });
    const binary = await endpoint(s.admin, app, s.receiver.url, { format: 'CLOUDEVENTS_BINARY', cloudEventsSource: 'urn:example:shop' });
    const payload = { orderId: 'o-1', total: 12.5, note: 'ünïcødé' };
    const published = await publish(s.admin, { applicationId: app, type, payload });
    const requests = [await waitForRequestOf(s.receiver.requests, structured.tag), await waitForRequestOf(s.receiver.requests, binary.tag)];

    const run = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(requests.map((r) => ({ headers: r.headers, body: r.body }))), encoding: 'utf8', timeout: 30_000 });
    if (run.error || run.status !== 0) {
      throw new Error(`${PYTHON} ${SCRIPT} failed (install it with .ci/run: python3 -m venv .tmp/py && .tmp/py/bin/pip install cloudevents): ${run.error?.message ?? ''}${run.stderr}`);
    }
    const events = JSON.parse(run.stdout) as { id: string; type: string; source: string; specversion: string; time: string; data: unknown }[];
    const common = { specversion: '1.0', id: published.event.id, type, data: payload };
    expect(events[0]).toMatchObject({ ...common, source: `tidings://tidings/applications/${app}` });
    expect(events[1]).toMatchObject({ ...common, source: 'urn:example:shop' });
    expect(new Date(events[0]!.time).toISOString()).toBe(published.event.createdAt);
  });
});
