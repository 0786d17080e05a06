import asyncio


class Connection:
    async def __aenter__(self):
        print("Connection: open")
        await asyncio.sleep(0.5)
        return "conn-1"

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Connection: exit got exc_type={exc_type}, exc={exc}")
        await asyncio.sleep(0.5)
        print("Connection: closed")


async def fetch():
    async with Connection() as conn:
        print(f"fetch: reading with {conn}")
        return "the data"
        print("fetch: after return (never printed)")
    print("fetch: after the block (never printed)")


async def main():
    task = asyncio.create_task(fetch())
    result = await task
    print(f"main: the task returned {result!r}")


asyncio.run(main())
