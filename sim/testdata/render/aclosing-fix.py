import asyncio
from contextlib import aclosing


async def read_lines():
    print("read_lines: file opened")
    try:
        yield "line 1"
        yield "line 2"
        yield "line 3"
    finally:
        print("read_lines: file closed (finally)")


async def main():
    async with aclosing(read_lines()) as lines:
        async for line in lines:
            print(f"main: read {line}, that is enough")
            break
    print("main: after the block, the file is closed")
    await asyncio.sleep(0)
    print("main: one turn of the loop later")


asyncio.run(main())
