import asyncio


class AsyncDatabase:
    async def __aenter__(self):
        print("AsyncDatabase: connecting")
        await asyncio.sleep(0.5)

    async def __aexit__(self, exc_type, exc, tb):
        print("AsyncDatabase: closing")


async def main():
    try:
        with AsyncDatabase():
            print("plain with body (never printed)")
    except TypeError as e:
        print(f"main caught TypeError: {e}")
    print("main: trying async with instead")
    async with AsyncDatabase():
        print("async with body runs")


asyncio.run(main())
