import asyncio
from contextlib import AsyncExitStack


class Connection:
    def __init__(self, host):
        self.host = host

    def __repr__(self):
        return f"Connection({self.host!r})"

    async def __aenter__(self):
        print(f"connecting to {self.host}")
        await asyncio.sleep(0.5)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"closing {self.host}")


class AuditLog:
    def __repr__(self):
        return "AuditLog()"

    def __enter__(self):
        print("audit log opened")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("audit log closed")


class Replica:
    async def __aenter__(self):
        print("connecting to the replica")
        await asyncio.sleep(0.5)
        raise ConnectionError("replica unreachable")

    async def __aexit__(self, exc_type, exc, tb):
        print("never runs: the replica never opened")


def note(what):
    print(f"note: {what}")


async def open_all():
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(Connection("db.local"))
        await stack.enter_async_context(Connection("cache.local"))
        stack.enter_context(AuditLog())
        stack.callback(note, "everything was open")
        ready = stack.pop_all()
    print("open_all returns, and nothing was closed")
    return ready


async def open_some():
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(Connection("db.local"))
        await stack.enter_async_context(Replica())
        ready = stack.pop_all()
    return ready


async def main():
    ready = await open_all()
    async with ready:
        print("main works with all three")
    try:
        await open_some()
    except ConnectionError as e:
        print(f"main: {e!r}")


asyncio.run(main())
