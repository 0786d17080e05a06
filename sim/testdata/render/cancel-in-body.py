import asyncio


class Connection:
    async def __aenter__(self):
        print("Connection: opening")
        await asyncio.sleep(0.5)
        print("Connection: open")

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Connection: exit sees {exc_type}")
        await asyncio.sleep(0.5)
        print("Connection: closed")


async def worker():
    async with Connection():
        print("worker: long job started (3 s)")
        await asyncio.sleep(3)
        print("worker: long job done (never printed)")


async def main():
    t = asyncio.create_task(worker())
    asyncio.get_running_loop().call_later(1.5, t.cancel)
    try:
        await t
        print("main: the worker finished (never printed)")
    except asyncio.CancelledError:
        print("main: the worker was cancelled")


asyncio.run(main())
