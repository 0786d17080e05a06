import asyncio


class Download:
    def __init__(self, mirror):
        self.mirror = mirror

    def __repr__(self):
        return f"Download({self.mirror!r})"

    async def __aenter__(self):
        print(f"{self.mirror}: connection opened")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"{self.mirror}: connection closed, exc={exc!r}")


async def fetch_eu():
    async with Download("eu"):
        await asyncio.sleep(2)
        print("eu: download complete")
    return "file from eu"


async def fetch_us():
    async with Download("us"):
        await asyncio.sleep(0.5)
        print("us: download complete")
    return "file from us"


async def main():
    eu = asyncio.create_task(fetch_eu())
    us = asyncio.create_task(fetch_us())
    done, pending = await asyncio.wait({eu, us}, return_when=asyncio.FIRST_COMPLETED)
    print(f"main: {len(done)} done, {len(pending)} pending")
    print(f"main: eu done {eu.done()}, us done {us.done()}")
    print(f"main: using {us.result()!r}")
    eu.cancel()
    await asyncio.wait({eu})
    print(f"main: eu cancelled {eu.cancelled()}")


asyncio.run(main())
