import asyncio


class Connection:
    def __repr__(self):
        return "Connection()"

    async def _aenter_(self):
        print("connecting")
        await asyncio.sleep(0.5)
        return self

    async def _aexit_(self, exc_type, exc, tb):
        print("closing")


async def main():
    try:
        async with Connection() as conn:
            print("this line never runs")
    except TypeError as e:
        print(f"TypeError: {e}")


asyncio.run(main())
