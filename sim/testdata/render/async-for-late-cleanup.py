import asyncio


async def read_lines():
    print("read_lines: file opened")
    try:
        yield "line 1"
        yield "line 2"
        yield "line 3"
    finally:
        print("read_lines: file closed (finally)")


async def main():
    async for line in read_lines():
        print(f"main: read {line}, that is enough")
        break
    print("main: after the loop, the file is still open")
    await asyncio.sleep(0)
    print("main: one turn of the loop later")


asyncio.run(main())
