import asyncio


class OldLock:
    def __enter__(self):
        print("OldLock: __enter__ runs")

    def __exit__(self, exc_type, exc, tb):
        print("OldLock: __exit__ runs")


async def main():
    try:
        async with OldLock():
            print("async with body (never printed)")
    except TypeError as e:
        print(f"main caught TypeError: {e}")
    print("main: trying a plain with instead")
    with OldLock():
        print("plain with body runs")


asyncio.run(main())
