"""A small external LRS on 127.0.0.1, for forwarding tests over real HTTP.

It accepts ``POST /xapi/statements`` (JSON or multipart/mixed), keeps what it stored
like an LRS does (a batch is stored whole or not at all; a statement id it already
holds with the same content is accepted again, with other content refused with 409),
and can be told to misbehave: answer every request with a status, hang past the
client's timeout, store a batch but lose the answer, or refuse given statement ids.
"""

import email.parser
import email.policy
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    headers: dict[str, str]
    statements: list[dict]
    parts: list[tuple[str, bytes]] = field(default_factory=list)  # attachments

    @property
    def ids(self) -> list[str]:
        return [s["id"] for s in self.statements]


class FakeLRS:
    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.stored: dict[str, dict] = {}  # id -> statement, in the order stored
        self.redelivered: list[str] = []
        self.answer_status: int | None = None  # answer every request with this
        self.hang = False  # answer nothing until the test ends
        self.lose_answers = 0  # store the next N batches but answer 503
        self.refuse: dict[str, str] = {}  # statement id -> message (400)
        # Statuses for the next requests, in turn (None: behave normally).
        self.script: list[int | None] = []
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            daemon=True,
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/xapi/"

    def start(self) -> "FakeLRS":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def stored_ids(self) -> list[str]:
        return list(self.stored)

    def _handler(self):
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _answer(self, status: int, body: object) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("X-Experience-API-Version", "1.0.3")
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                if lrs.hang:
                    lrs._release.wait(timeout=30)
                    return
                if self.path.rstrip("/") != "/xapi/statements":
                    self._answer(404, {"message": "no such resource"})
                    return
                statements, parts = _parse(self.headers.get("Content-Type", ""), body)
                received = Received(dict(self.headers.items()), statements, parts)
                with lrs._lock:
                    lrs.requests.append(received)
                    status = lrs.script.pop(0) if lrs.script else lrs.answer_status
                    if status is not None:
                        self._answer(status, {"message": "unavailable"})
                        return
                    for statement in statements:
                        if statement["id"] in lrs.refuse:
                            self._answer(400, {"message": lrs.refuse[statement["id"]]})
                            return
                        held = lrs.stored.get(statement["id"])
                        if held is not None and held != statement:
                            self._answer(409, {"message": "conflict"})
                            return
                    for statement in statements:
                        if statement["id"] in lrs.stored:
                            lrs.redelivered.append(statement["id"])
                        lrs.stored[statement["id"]] = statement
                    if lrs.lose_answers:
                        lrs.lose_answers -= 1
                        self._answer(
                            503, {"message": "stored, but the answer got lost"}
                        )
                        return
                self._answer(200, [s["id"] for s in statements])

        return Handler


def _parse(
    content_type: str, body: bytes
) -> tuple[list[dict], list[tuple[str, bytes]]]:
    if content_type.startswith("multipart/"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        parts = list(message.iter_parts())
        document = json.loads(parts[0].get_payload(decode=True))
        attachments = [
            (part["X-Experience-API-Hash"], part.get_payload(decode=True))
            for part in parts[1:]
        ]
    else:
        document, attachments = json.loads(body), []
    statements = document if isinstance(document, list) else [document]
    return statements, attachments
