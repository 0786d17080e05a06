import asyncio


class Logger:
    async def __aenter__(self):
        print("Logger: enter")

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Logger: exit sees {exc!r}")


class SlowConnect:
    async def __aenter__(self):
        print("SlowConnect: connecting (takes 2 s)")
        await asyncio.sleep(2)
        print("SlowConnect: connected (never printed)")

    async def __aexit__(self, exc_type, exc, tb):
        print("SlowConnect: exit (never printed)")


async def worker():
    async with Logger(), SlowConnect():
        print("worker: body (never printed)")
        await asyncio.sleep(2)


async def main():
    t = asyncio.create_task(worker())
    asyncio.get_running_loop().call_later(1, t.cancel)
    print("main: the worker will be cancelled 1 s from now")
    try:
        await t
    except asyncio.CancelledError:
        print("main: the worker was cancelled")


asyncio.run(main())
