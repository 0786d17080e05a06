import asyncio


class Connection:
    def __repr__(self):
        return "Connection()"

    async def __aenter__(self):
        print("Connection: open")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Connection: closed, exit saw {exc!r}")


async def query():
    async with Connection() as conn:
        print("query: running (needs 3 s)")
        await asyncio.sleep(3)
        print("query: never printed")
    return "rows"


async def main():
    try:
        rows = await asyncio.wait_for(query(), 1)
        print(f"main: got {rows}")
    except TimeoutError as e:
        print(f"main: {e!r}, caused by {e.__cause__!r}")


asyncio.run(main())
