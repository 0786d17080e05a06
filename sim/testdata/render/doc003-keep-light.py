import asyncio


class HeavySession:
    async def __aenter__(self):
        print("HeavySession: preloading every table (2 s)")
        await asyncio.sleep(2)
        print("HeavySession: ready")
        return "the heavy session"

    async def __aexit__(self, exc_type, exc, tb):
        print("HeavySession: closed")


class LightSession:
    async def __aenter__(self):
        print("LightSession: opening only what is needed (0.1 s)")
        await asyncio.sleep(0.1)
        return "the light session"

    async def __aexit__(self, exc_type, exc, tb):
        print("LightSession: closed")


async def heavy_request():
    try:
        async with asyncio.timeout(1), HeavySession() as s:
            print(f"heavy_request: answering with {s}")
            await asyncio.sleep(0.2)
    except TimeoutError:
        print("heavy_request: timed out before the body even started")


async def light_request():
    async with asyncio.timeout(1), LightSession() as s:
        print(f"light_request: answering with {s}")
        await asyncio.sleep(0.2)
        print("light_request: answer sent")


async def main():
    await asyncio.gather(heavy_request(), light_request())
    print("main: both requests are over")


asyncio.run(main())
