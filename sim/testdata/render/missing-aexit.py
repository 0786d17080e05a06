import asyncio


class HalfManager:
    async def __aenter__(self):
        print("HalfManager: __aenter__ runs (never printed)")


async def main():
    try:
        async with HalfManager():
            print("body (never printed)")
    except TypeError as e:
        print(f"main caught TypeError: {e}")


asyncio.run(main())
