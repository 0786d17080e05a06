import asyncio

ready = asyncio.Condition()


async def impatient():
    async with ready:
        print("impatient: waits")
        try:
            await ready.wait()
        except asyncio.CancelledError:
            print("impatient: cancelled while waiting")
            raise


async def patient():
    async with ready:
        print("patient: waits")
        await ready.wait()
        print("patient: woken")


async def main():
    i = asyncio.create_task(impatient())
    p = asyncio.create_task(patient())
    await asyncio.sleep(1)
    i.cancel()
    await asyncio.sleep(1)
    print(f"main: at 2 s, patient done {p.done()}")
    async with ready:
        ready.notify()
    await p
    print(f"main: impatient cancelled {i.cancelled()}")


asyncio.run(main())
