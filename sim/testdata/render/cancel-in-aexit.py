import asyncio


class Outer:
    async def __aenter__(self):
        print("Outer: enter")

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Outer: exit sees {exc!r}")


class SlowClose:
    async def __aenter__(self):
        print("SlowClose: enter")

    async def __aexit__(self, exc_type, exc, tb):
        print(f"SlowClose: exit sees {exc!r}, flushing data (2 s)")
        await asyncio.sleep(2)
        print("SlowClose: flushed (never printed)")


async def worker():
    async with Outer(), SlowClose():
        print("worker: body working (0.5 s)")
        await asyncio.sleep(0.5)
        print("worker: body done")


async def main():
    t = asyncio.create_task(worker())
    asyncio.get_running_loop().call_later(1.5, t.cancel)
    try:
        await t
    except asyncio.CancelledError:
        print("main: the worker was cancelled")


asyncio.run(main())
