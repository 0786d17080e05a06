import asyncio


class Job:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Job({self.name!r})"

    async def __aenter__(self):
        print(f"{self.name}: opened")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"{self.name}: closed, exc={exc!r}")


async def check():
    async with Job("check"):
        await asyncio.sleep(0.5)
        raise ConnectionError("host down")


async def upload():
    async with Job("upload"):
        await asyncio.sleep(2)


async def backup():
    async with Job("backup"):
        await asyncio.sleep(3)


async def main():
    c = asyncio.create_task(check())
    u = asyncio.create_task(upload())
    b = asyncio.create_task(backup())
    done, pending = await asyncio.wait({c, u, b}, return_when=asyncio.FIRST_EXCEPTION)
    print(f"main: {len(done)} done, {len(pending)} pending")
    print(f"main: check done {c.done()}, error {c.exception()!r}")
    u.cancel()
    b.cancel()
    await asyncio.wait({u, b})
    print(f"main: upload cancelled {u.cancelled()}, backup cancelled {b.cancelled()}")


asyncio.run(main())
