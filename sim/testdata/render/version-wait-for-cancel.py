import asyncio


async def fetch():
    print("fetch: starts")
    await asyncio.sleep(1)
    print("fetch: its sleep is over")
    return "data"


async def caller():
    result = await asyncio.wait_for(fetch(), 5)
    print(f"caller: got {result}, the cancel was lost")
    await asyncio.sleep(0)
    print("caller: goes on")


async def main():
    c = asyncio.create_task(caller())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    asyncio.get_running_loop().call_later(1, c.cancel)
    outcome = await asyncio.gather(c, return_exceptions=True)
    print(f"main: caller ended with {outcome}")


asyncio.run(main())
