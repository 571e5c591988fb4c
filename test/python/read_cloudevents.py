"""Reads HTTP requests Tidings sent (JSON list of {"headers", "body"} on stdin) with the official
CloudEvents Python SDK (PyPI "cloudevents", core HTTP binding: binary or structured mode detected
from the headers) and prints the events' id, type, source, time and data as a JSON list."""
import json
import sys

from cloudevents.core.bindings.http import HTTPMessage, from_http
from cloudevents.core.formats.json import JSONFormat

requests = json.load(sys.stdin)
events = []
for request in requests:
    message = HTTPMessage(headers=request["headers"], body=request["body"].encode("utf-8"))
    event = from_http(message, JSONFormat())
    data = event.get_data()
    if isinstance(data, (bytes, str)):
        data = json.loads(data)
    events.append({
        "specversion": event.get_specversion(),
        "id": event.get_id(),
        "type": event.get_type(),
        "source": event.get_source(),
        "time": event.get_time().isoformat() if event.get_time() else None,
        "data": data,
    })
json.dump(events, sys.stdout)
