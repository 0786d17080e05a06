import asyncio
import time


class BlockingConnect:
    async def __aenter__(self):
        print("BlockingConnect: connecting with time.sleep(2), which blocks the loop")
        time.sleep(2)  # blocks the whole event loop
        print("BlockingConnect: connected")

    async def __aexit__(self, exc_type, exc, tb):
        print("BlockingConnect: closed")


async def ticker():
    print("tick 1 (due at 0 s)")
    await asyncio.sleep(0.5)
    print("tick 2 (due at 0.5 s)")
    await asyncio.sleep(0.5)
    print("tick 3 (due at 1 s)")
    await asyncio.sleep(0.5)
    print("tick 4 (due at 1.5 s)")
    await asyncio.sleep(0.5)
    print("tick 5 (due at 2 s)")
    await asyncio.sleep(0.5)
    print("tick 6 (due at 2.5 s)")


async def connector():
    async with BlockingConnect():
        print("connector: working (0.5 s)")
        await asyncio.sleep(0.5)
        print("connector: done")


async def main():
    await asyncio.gather(ticker(), connector())
    print("main: all done")


asyncio.run(main())
