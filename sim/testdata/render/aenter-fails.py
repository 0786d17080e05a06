import asyncio


class First:
    def __repr__(self):
        return "First()"

    async def __aenter__(self):
        print("First: open")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print(f"First: closing after {exc!r}")
        else:
            print("First: closing normally")


class Second:
    async def __aenter__(self):
        print("Second: connecting...")
        await asyncio.sleep(0.5)
        raise ConnectionError("server did not answer")

    async def __aexit__(self, exc_type, exc, tb):
        print("Second: close (never printed)")


class Third:
    async def __aenter__(self):
        print("Third: open (never printed)")

    async def __aexit__(self, exc_type, exc, tb):
        print("Third: close (never printed)")


async def main():
    try:
        async with First() as first, Second() as second, Third() as third:
            print("body runs (never printed)")
    except ConnectionError as e:
        print(f"main caught: {e!r}")


asyncio.run(main())
