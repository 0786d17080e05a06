import asyncio

lock = asyncio.Lock()


async def holder():
    async with lock:
        print("holder: has the lock")
        await asyncio.sleep(2)
        print("holder: lets it go")


async def impatient():
    try:
        async with lock:
            print("impatient: has the lock (never printed)")
    except asyncio.CancelledError:
        print("impatient: cancelled while waiting, never got the lock")
        raise


async def patient():
    async with lock:
        print("patient: has the lock")


async def main():
    h = asyncio.create_task(holder())
    await asyncio.sleep(0)
    i = asyncio.create_task(impatient())
    p = asyncio.create_task(patient())
    asyncio.get_running_loop().call_later(0.5, i.cancel)
    results = await asyncio.gather(h, i, p, return_exceptions=True)
    print(f"main: {results}")


asyncio.run(main())
