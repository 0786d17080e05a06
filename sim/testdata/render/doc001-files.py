import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def open_file():
    print("example.txt opened for writing")
    await asyncio.sleep(0.1)
    try:
        yield "example.txt"
    finally:
        await asyncio.sleep(0.1)
        print("example.txt closed")


async def main():
    async with open_file() as file:
        await asyncio.sleep(0.1)
        print(f"wrote 13 characters to {file}")


asyncio.run(main())
