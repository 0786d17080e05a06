import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def session():
    print("session: open")
    try:
        yield "s1"
    finally:
        print("session: close")


async def main():
    cm = session()
    print("main: created the manager object, nothing has run yet")
    async with cm as s:
        print(f"first use: working in {s}")
    try:
        async with cm as s:
            print("second use (never printed)")
    except Exception as e:
        print(f"second use failed: {e!r}")


asyncio.run(main())
