#!/usr/bin/env python3
"""A Rayswarm domain worker in plain Python (standard library only).

It speaks the HTTP action protocol of docs/domains.md ("Workers in any language"):

  GET  {endpoint}/describe                    its actions, their input schemas and versions
  GET  {endpoint}/health                      200 while it serves
  POST {endpoint}/actions/{action}            run an action: {"workflow_id", "step_id", "input"} -> output JSON
  POST {endpoint}/actions/{action}/compensate undo it:       {"workflow_id", "step_id", "input", "output"}
  POST {endpoint}/events                      a bus event it subscribed to

and registers itself with a gateway (POST /domains/register), keeps the bearer token the answer carries, refuses calls
without it (401), and sends heartbeats (POST /domains/heartbeat/{id}).

    python3 worker.py --gateway http://127.0.0.1:8000 [--domain-id text] [--port 0] [--base-path /text]

Once registered it prints one line, READY {"domain_id": ..., "endpoint": ...}, on standard output.
"""

import argparse
import collections
import hmac
import json
import re
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VERSION = "1.0.0"

ACTIONS = {
    "word_count": {
        "description": "Counts the words, lines and characters of a text and lists its most frequent words. "
                       "Returns {words, lines, characters, top: [{word, count}]}. Read-only.",
        "version": VERSION,
        "read_only": True,
        "compensable": False,
        "input_schema": {
            "type": "object",
            "properties": {
                "text": {"type": "string", "minLength": 1, "description": "The text to count."},
                "top": {"type": "integer", "minimum": 1, "maximum": 100, "default": 5,
                        "description": "How many of the most frequent words to list."},
            },
            "required": ["text"],
        },
    },
    "sort_lines": {
        "description": "Sorts lines of text, alphabetically or by number. Returns {lines, count}. Read-only.",
        "version": VERSION,
        "read_only": True,
        "compensable": False,
        "input_schema": {
            "type": "object",
            "properties": {
                "lines": {"type": "array", "items": {"type": "string"}, "description": "The lines to sort."},
                "numeric": {"type": "boolean", "default": False, "description": "Sort by the number each line holds."},
                "reverse": {"type": "boolean", "default": False, "description": "Largest first."},
            },
            "required": ["lines"],
        },
    },
    "count_words": {
        "description": "Counts the words of a text. Returns {words}. Read-only.",
        "version": "0.9.0",
        "deprecated": "use word_count, which also counts lines and characters and lists the most frequent words",
        "read_only": True,
        "compensable": False,
        "input_schema": {
            "type": "object",
            "properties": {"text": {"type": "string", "minLength": 1, "description": "The text to count."}},
            "required": ["text"],
        },
    },
    "store_note": {
        "description": "Keeps a note in the worker's memory under the call's idempotency key (a step run twice stores it "
                       "once); compensation deletes it. Returns {note_id, notes}.",
        "version": VERSION,
        "read_only": False,
        "compensable": True,
        "input_schema": {
            "type": "object",
            "properties": {"note": {"type": "string", "minLength": 1, "description": "The note."}},
            "required": ["note"],
        },
    },
}

WORD = re.compile(r"[\w']+", re.UNICODE)


class BadInput(Exception):
    """The caller's input is wrong: answered 400 with the message."""


class Worker:
    def __init__(self, domain_id):
        self.domain_id = domain_id
        self.token = None  # issued by the gateway at registration
        self.notes = collections.OrderedDict()  # idempotency key -> note
        self.events = []
        self.lock = threading.Lock()

    def describe(self):
        return {"domain_id": self.domain_id,
                "actions": [dict(name=name, **spec) for name, spec in ACTIONS.items()]}

    def execute(self, action, body, idempotency_key):
        data = (body.get("input") or {}).get("data") or {}
        if not isinstance(data, dict):
            raise BadInput("input.data must be an object")
        if action == "word_count":
            text = data.get("text")
            if not isinstance(text, str) or not text.strip():
                raise BadInput("text must be a non-empty string")
            top = data.get("top", 5)
            if not isinstance(top, int) or isinstance(top, bool) or not 1 <= top <= 100:
                raise BadInput("top must be an integer between 1 and 100")
            words = [w.lower() for w in WORD.findall(text)]
            counts = collections.Counter(words).most_common()
            counts.sort(key=lambda pair: (-pair[1], pair[0]))
            return {"words": len(words), "lines": len(text.splitlines()), "characters": len(text),
                    "top": [{"word": w, "count": c} for w, c in counts[:top]]}
        if action == "count_words":  # deprecated: kept for old callers
            text = data.get("text")
            if not isinstance(text, str) or not text.strip():
                raise BadInput("text must be a non-empty string")
            return {"words": len(WORD.findall(text))}
        if action == "sort_lines":
            lines = data.get("lines")
            if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
                raise BadInput("lines must be an array of strings")
            reverse = bool(data.get("reverse", False))
            if data.get("numeric", False):
                try:
                    ordered = sorted(lines, key=float, reverse=reverse)
                except ValueError as e:
                    raise BadInput(f"numeric sort needs a number on every line: {e}") from None
            else:
                ordered = sorted(lines, reverse=reverse)
            return {"lines": ordered, "count": len(ordered)}
        if action == "store_note":
            note = data.get("note")
            if not isinstance(note, str) or not note:
                raise BadInput("note must be a non-empty string")
            key = idempotency_key or body.get("step_id") or str(len(self.notes))
            with self.lock:
                self.notes.setdefault(key, note)
                return {"note_id": key, "notes": len(self.notes)}
        raise LookupError(action)

    def compensate(self, action, body, idempotency_key):
        if action not in ACTIONS:
            raise LookupError(action)
        if action == "store_note":
            # The action's key is in the input (the output may be null when the action's outcome is unknown).
            key = (body.get("input") or {}).get("action_idempotency_key") or (body.get("output") or {}).get("note_id")
            with self.lock:
                self.notes.pop(key, None)
        return {"compensated": action}


def handler_for(worker, base_path):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):  # quiet: the test reads stdout
            pass

        def _route(self):
            path = self.path.split("?", 1)[0]
            if not path.startswith(base_path):
                return None
            return "/" + path[len(base_path):].lstrip("/")

        def _send(self, status, body):
            data = json.dumps(body).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _authorized(self):
            expected = worker.token
            presented = self.headers.get("Authorization", "")
            if expected is None:
                return False  # not registered yet: nobody has been given a token
            return hmac.compare_digest(presented.encode(), f"Bearer {expected}".encode())

        def _read(self):
            """The request's body bytes (Content-Length or chunked), always read in full so the connection stays usable."""
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                chunks = []
                while True:
                    size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                    if size == 0:
                        while self.rfile.readline().strip():  # trailers, then the blank line
                            pass
                        return b"".join(chunks)
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()  # the CRLF after each chunk
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _body(self, raw):
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                raise BadInput("the body is not JSON") from None
            if not isinstance(body, dict):
                raise BadInput("the body must be a JSON object")
            return body

        def do_GET(self):
            route = self._route()
            if route == "/health":
                return self._send(200, {"status": "ok", "domain_id": worker.domain_id})
            if not self._authorized():
                return self._send(401, {"error": "missing or wrong bearer token"})
            if route == "/describe":
                return self._send(200, worker.describe())
            return self._send(404, {"error": f"no route GET {self.path}"})

        def do_POST(self):
            route = self._route()
            raw = self._read()
            if not self._authorized():
                return self._send(401, {"error": "missing or wrong bearer token"})
            try:
                body = self._body(raw)
                if route == "/events":
                    with worker.lock:
                        worker.events.append(body)
                    return self._send(200, {"received": True})
                match = re.fullmatch(r"/actions/([^/]+)(/compensate)?", route or "")
                if match is None:
                    return self._send(404, {"error": f"no route POST {self.path}"})
                action, compensation = match.group(1), match.group(2) is not None
                key = self.headers.get("Idempotency-Key")
                result = (worker.compensate if compensation else worker.execute)(action, body, key)
                return self._send(200, result)
            except BadInput as e:
                return self._send(400, {"error": str(e)})
            except LookupError as e:
                return self._send(404, {"error": f"unknown action '{e.args[0]}'"})

    return Handler


def call_gateway(gateway, method, path, body=None, api_key=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(gateway.rstrip("/") + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if api_key:
        request.add_header("X-Api-Key", api_key)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"{}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--gateway", required=True, help="The gateway's base URL, e.g. http://127.0.0.1:8000")
    parser.add_argument("--domain-id", default="text", help="The id to register under (default: text)")
    parser.add_argument("--capabilities", default="text,word_count",
                        help="Comma-separated capabilities (default: text,word_count)")
    parser.add_argument("--host", default="127.0.0.1", help="The address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="The port to listen on (default: 0, any free port)")
    parser.add_argument("--base-path", default="/", help="The path the protocol is served under (default: /)")
    parser.add_argument("--advertise", help="The endpoint URL to register (default: http://HOST:PORT/BASE-PATH)")
    parser.add_argument("--api-key", help="The gateway API key, if it requires one")
    parser.add_argument("--heartbeat", type=float, default=10.0, help="Seconds between heartbeats (default: 10)")
    args = parser.parse_args()

    base_path = "/" + args.base_path.strip("/")
    base_path = base_path if base_path == "/" else base_path + "/"
    worker = Worker(args.domain_id)
    server = ThreadingHTTPServer((args.host, args.port), handler_for(worker, base_path))
    server.daemon_threads = True
    port = server.server_address[1]
    endpoint = args.advertise or f"http://{args.host}:{port}{base_path}"
    threading.Thread(target=server.serve_forever, daemon=True).start()

    registration = {"domain_id": args.domain_id, "endpoint": endpoint,
                    "capabilities": [c for c in args.capabilities.split(",") if c],
                    "metadata": {"language": "python", "version": VERSION}}
    try:
        answer = call_gateway(args.gateway, "POST", "/domains/register", registration, args.api_key)
    except urllib.error.HTTPError as e:
        print(f"registration failed: {e.code} {e.read().decode(errors='replace')}", file=sys.stderr)
        return 1
    except (urllib.error.URLError, OSError) as e:
        print(f"registration failed: the gateway at {args.gateway} did not answer: {e}", file=sys.stderr)
        return 1
    worker.token = answer.get("token")
    print("READY " + json.dumps({"domain_id": args.domain_id, "endpoint": endpoint}), flush=True)

    stop = threading.Event()
    try:
        while not stop.wait(args.heartbeat):
            try:
                call_gateway(args.gateway, "POST", f"/domains/heartbeat/{args.domain_id}", {}, args.api_key)
            except (urllib.error.URLError, OSError) as e:
                print(f"heartbeat failed: {e}", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
