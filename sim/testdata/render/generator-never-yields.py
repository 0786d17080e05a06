import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def maybe_connect():
    print("maybe_connect: checking the server")
    await asyncio.sleep(0.5)
    print("maybe_connect: server is down, giving up")
    return
    yield "connection"
    print("maybe_connect: teardown (never printed)")


async def main():
    try:
        async with maybe_connect() as conn:
            print(f"body: using {conn} (never printed)")
    except RuntimeError as e:
        print(f"main caught RuntimeError: {e}")


asyncio.run(main())
