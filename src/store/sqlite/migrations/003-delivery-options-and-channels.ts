// Issue 10: an endpoint's triggers and converters (format, channels, filter, includeFields,
// transform, headers) as one JSON column; the channels an event was published on.
// '{}' reads as the defaults (rows.ts), so existing endpoints keep today's behaviour.
export default `
ALTER TABLE endpoints ADD COLUMN delivery_options TEXT NOT NULL DEFAULT '{}';
ALTER TABLE events ADD COLUMN channels TEXT NOT NULL DEFAULT '[]';
`;
