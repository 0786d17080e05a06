import asyncio


async def fetch():
    await asyncio.sleep(0)
    print("fetch: done")
    return "data"


async def report():
    print("report: first step")
    await asyncio.sleep(0)
    print("report: second step")


async def main():
    f = asyncio.create_task(fetch())
    await f
    r = asyncio.create_task(report())
    got = await asyncio.gather(f)
    print(f"main: gathered {got}")
    await r


asyncio.run(main())
