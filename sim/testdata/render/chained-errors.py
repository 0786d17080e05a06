import asyncio


class Storage:
    async def __aenter__(self):
        print("Storage: connected")
        return "storage"

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print(f"Storage: the driver failed with {exc!r}")
            raise RuntimeError("could not save the order") from exc
        print("Storage: closed cleanly")


async def main():
    try:
        async with Storage() as s:
            print(f"main: saving through {s}")
            await asyncio.sleep(0.5)
            raise ConnectionError("connection reset")
    except RuntimeError as e:
        print(f"main caught {type(e).__name__}: {e}")
        print(f"  __cause__   = {e.__cause__!r}")
        print(f"  __context__ = {e.__context__!r}")
        print(f"  __suppress_context__ = {e.__suppress_context__}")


asyncio.run(main())
