import asyncio

slots = asyncio.Semaphore(2)


async def download():
    print("download: queued")
    async with slots:
        print("download: running")
        await asyncio.sleep(1)
        print("download: finished")


async def big_download():
    async with slots:
        print("big_download: running")
        await asyncio.sleep(2.5)
        print("big_download: finished")


async def main():
    await asyncio.gather(big_download(), download(), download(), download())
    print("main: all four downloads are done")


asyncio.run(main())
