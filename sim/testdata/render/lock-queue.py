import asyncio

lock = asyncio.Lock()


async def worker():
    print("worker: wants the report")
    async with lock:
        print("worker: writing the report")
        await asyncio.sleep(1)
        print("worker: done writing")


async def main():
    await asyncio.gather(worker(), worker(), worker())
    print("main: the report was written three times, one writer at a time")


asyncio.run(main())
