"""The parent side of bench.fakeproc: start the fake Bot API in a child process and talk
to it over its stdin/stdout."""

from __future__ import annotations

import asyncio
import json
import sys
from types import TracebackType
from typing import Any

from bench.common import ROOT


class RemoteError(RuntimeError):
    pass


class RemoteFake:
    def __init__(self) -> None:
        self._proc: asyncio.subprocess.Process | None = None
        self.base_url = ""

    async def __aenter__(self) -> RemoteFake:
        self._proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bench.fakeproc", cwd=ROOT, limit=2**24,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        self.base_url = str((await self._read())["base_url"])
        return self

    async def __aexit__(self, et: type[BaseException] | None, e: BaseException | None,
                        tb: TracebackType | None) -> None:
        proc = self._proc
        if proc is None:
            return
        if proc.returncode is None:
            assert proc.stdin is not None
            proc.stdin.write(b'{"cmd": "stop"}\n')
            await proc.stdin.drain()
            proc.stdin.close()
            try:
                async with asyncio.timeout(10):
                    await proc.wait()
            except TimeoutError:
                proc.kill()
                await proc.wait()

    async def call(self, cmd: str, **args: Any) -> dict[str, Any]:
        proc = self._proc
        assert proc is not None and proc.stdin is not None
        proc.stdin.write(json.dumps({"cmd": cmd, **args}).encode() + b"\n")
        await proc.stdin.drain()
        reply = await self._read()
        if "error" in reply:
            raise RemoteError(f"fake Bot API process, {cmd}: {reply['error']}")
        return reply

    async def _read(self) -> dict[str, Any]:
        assert self._proc is not None and self._proc.stdout is not None
        line = await self._proc.stdout.readline()
        if not line:
            raise RemoteError("the fake Bot API process exited")
        reply: dict[str, Any] = json.loads(line)
        return reply
