import asyncio


class SwallowAll:
    async def __aenter__(self):
        print("SwallowAll: enter")

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print(f"SwallowAll: got {exc_type}, returning True")
            return True


async def worker():
    async with SwallowAll():
        print("worker: sleeping 2 s")
        await asyncio.sleep(2)
        print("worker: woke up (never printed)")
    print("worker: still running after the block")
    return "finished anyway"


async def main():
    t = asyncio.create_task(worker())
    asyncio.get_running_loop().call_later(1, t.cancel)
    try:
        result = await t
        print(f"main: the worker returned {result!r}")
    except asyncio.CancelledError:
        print("main: the worker was cancelled (never printed)")


asyncio.run(main())
