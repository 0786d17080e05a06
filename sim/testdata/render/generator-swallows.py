import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def forgiving():
    print("forgiving: setup")
    try:
        yield
    except ValueError as e:
        print(f"forgiving: caught {e!r} and kept quiet")
    print("forgiving: teardown")


async def main():
    async with forgiving():
        print("body: raising ValueError")
        raise ValueError("bad input")
    print("main: after the with block, no error in sight")


asyncio.run(main())
