"""A real redis-server for the tests, on 127.0.0.1.

`.ci/run` starts one (Debian's package) on a free port and passes its URL in
TEST_REDIS_URL; without it, the tests start their own if `redis-server` is
on the PATH, and are skipped if it is not (REQUIRE_REDIS=1, set by
`.ci/run`, makes that a failure instead)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """`persistent`: an append-only file in `workdir`, so a restart on the
    same port comes back with the data (as production Redis should)."""

    def __init__(self, workdir: Path, persistent: bool = False):
        self.workdir = workdir
        self.persistent = persistent
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self.proc = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes" if self.persistent else "no", "--appendfsync", "always", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None


def available() -> bool:
    return bool(os.environ.get("TEST_REDIS_URL") or shutil.which("redis-server"))
