import asyncio


async def child():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child: cancelled, cleaning up")
        raise ValueError("cleanup failed")


async def worker():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(5)
    except ExceptionGroup as eg:
        print(f"worker: caught {eg!r}")
    await asyncio.sleep(0.1)
    print("worker: goes on")


async def main():
    w = asyncio.create_task(worker())
    asyncio.get_running_loop().call_later(0.5, w.cancel)
    results = await asyncio.gather(w, return_exceptions=True)
    print(f"main: worker ended with {results}")


asyncio.run(main())
