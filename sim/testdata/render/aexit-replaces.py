import asyncio


class Outer:
    async def __aenter__(self):
        print("Outer: enter")

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Outer: exit receives {exc!r}")


class FragileCleanup:
    async def __aenter__(self):
        print("FragileCleanup: enter")

    async def __aexit__(self, exc_type, exc, tb):
        print(f"FragileCleanup: cleaning up after {exc!r}")
        raise RuntimeError("cleanup failed")


async def main():
    try:
        try:
            async with Outer(), FragileCleanup():
                print("body: raising ValueError")
                raise ValueError("bad input")
        except ValueError as e:
            print(f"main caught the ValueError (never printed): {e!r}")
    except RuntimeError as e:
        print(f"main caught {e!r} instead")


asyncio.run(main())
