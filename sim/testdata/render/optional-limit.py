import asyncio
from contextlib import nullcontext

limit = asyncio.BoundedSemaphore(2)


async def backup():
    print("backup: asks for a place")
    async with limit:
        print("backup: got one, working 2 s")
        await asyncio.sleep(2)
        print("backup: done, gives its place back")


async def resize():
    print("resize: asks for a place")
    async with limit:
        print("resize: got one, working 1 s")
        await asyncio.sleep(1)
        print("resize: done, gives its place back")


async def compress():
    print("compress: asks for a place")
    async with limit:
        print("compress: got one at last, working 0.5 s")
        await asyncio.sleep(0.5)
        print("compress: done, gives its place back")


async def ping():
    async with nullcontext():
        print("ping: no limit, so it runs at once (0.5 s)")
        await asyncio.sleep(0.5)
        print("ping: done")


async def main():
    await asyncio.gather(backup(), resize(), compress(), ping())
    print("main: all four finished")


asyncio.run(main())
