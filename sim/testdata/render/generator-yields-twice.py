import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def greedy():
    print("greedy: setup")
    try:
        yield "first value"
        print("greedy: after the first yield, yielding again by mistake")
        yield "second value"
        print("greedy: after the second yield (never printed)")
    finally:
        print("greedy: finally block, cleaning up")
        await asyncio.sleep(0.5)
        print("greedy: cleaned up")


async def main():
    try:
        async with greedy() as value:
            print(f"body: got {value!r}")
        print("main: after the block (never printed)")
    except RuntimeError as e:
        print(f"main caught RuntimeError: {e}")


asyncio.run(main())
