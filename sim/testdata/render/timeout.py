import asyncio


class Resource:
    async def __aenter__(self):
        print("Resource: acquired")
        return "the resource"

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Resource: released, exit sees {exc!r}")


async def main():
    try:
        async with asyncio.timeout(1), Resource() as r:
            print(f"body: working with {r} for 5 s")
            await asyncio.sleep(5)
            print("body: done (never printed)")
    except TimeoutError as e:
        print(f"main caught {e!r}: the work took too long")


asyncio.run(main())
