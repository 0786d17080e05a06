import asyncio


class AwaitingConnect:
    async def __aenter__(self):
        print("AwaitingConnect: connecting with await asyncio.sleep(2)")
        await asyncio.sleep(2)
        print("AwaitingConnect: connected")

    async def __aexit__(self, exc_type, exc, tb):
        print("AwaitingConnect: closed")


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
    async with AwaitingConnect():
        print("connector: working (0.5 s)")
        await asyncio.sleep(0.5)
        print("connector: done")


async def main():
    await asyncio.gather(ticker(), connector())
    print("main: all done")


asyncio.run(main())
