import { describe, expect, it } from 'vitest';
import { EventChannelsDocument, PublishEventDocument } from '../generated/graphql.js';
import { STORES, useServerOn, type StoreServer } from './on-each-store.js';
import { application, endpoint, eventType, expectSignedBody, publish, waitForRequestOf } from './options-helpers.js';

// payloadText: the payload as JSON text, stored and sent byte for byte.

describe.each(STORES)('payloadText on %s', (store) => {
  let s: StoreServer;
  useServerOn(store, (started) => (s = started));
  const text = '{ "big": 12345678901234567890, "price": 1.10, "exp": 1e400 , "s": "\\u00e9" }';

  it('stores the text and sends it unchanged, numbers beyond double precision included, in the standard and CloudEvents binary formats', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin, { type: 'object', required: ['big'] });
    const standard = await endpoint(s.admin, app, s.receiver.url);
    const binary = await endpoint(s.admin, app, s.receiver.url, { format: 'CLOUDEVENTS_BINARY' });
    const published = await publish(s.admin, { applicationId: app, type, payloadText: text });
    const sent = await waitForRequestOf(s.receiver.requests, standard.tag);
    expect(sent.body).toBe(`{"id":"${published.event.id}","type":"${type}","timestamp":"${published.event.createdAt}","data":${text}}`);
    expectSignedBody(sent, standard.secret);
    const raw = await waitForRequestOf(s.receiver.requests, binary.tag);
    expect(raw.body).toBe(text);
    const { event } = await s.admin.run(EventChannelsDocument, { id: published.event.id });
    expect(event?.payloadText).toBe(text);
  });

  it('refuses payloadText that is not JSON, does not match the schema, or comes with payload', async () => {
    const app = await application(s.admin);
    const type = await eventType(s.admin, { type: 'object', required: ['big'] });
    const run = (input: Record<string, unknown>) => s.admin.fail(PublishEventDocument, { input: { applicationId: app, type, ...input } }, 'BAD_USER_INPUT');
    expect((await run({ payloadText: '{"big": 1,' })).message).toMatch(/^payloadText: is not valid JSON/);
    expect((await run({ payloadText: '{"small": 1}' })).message).toMatch(/does not match the schema/);
    expect((await run({ payloadText: '{"big": 1}', payload: { big: 1 } })).message).toMatch(/either payload or payloadText/);
    expect((await run({})).message).toMatch(/payload: is required/);
  });
});
