import asyncio
import time


async def download():
    print("download: 0.5 s")
    await asyncio.sleep(0.5)


async def parse():
    print("parse: 0.5 s")
    await asyncio.sleep(0.5)


def crunch():
    print("crunch: blocking for 2 s in a worker thread")
    time.sleep(2)  # blocks only this worker thread
    print("crunch: finished all the same")
    return 42


async def main():
    try:
        async with asyncio.timeout_at(asyncio.get_running_loop().time() + 2):
            await download()
            await parse()
            total = await asyncio.get_running_loop().run_in_executor(None, crunch)
            print(f"main: total is {total} (never printed)")
    except TimeoutError:
        print("main: the shared deadline ran out during crunch")
    print("main: returns, the thread is still busy")


asyncio.run(main())
