// Issue 10: an endpoint's triggers and converters (format, channels, filter, includeFields,
// transform, headers) as one JSON column; the channels an event was published on; the endpoint a
// test event goes to (sendTestEvent); event types' example payloads.
// '{}' reads as the defaults (rows.ts), so existing endpoints keep today's behaviour.
export default `
ALTER TABLE endpoints ADD COLUMN delivery_options TEXT NOT NULL DEFAULT '{}';
ALTER TABLE events ADD COLUMN channels TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN test_endpoint_id TEXT;
ALTER TABLE event_types ADD COLUMN examples TEXT NOT NULL DEFAULT '[]';
`;
