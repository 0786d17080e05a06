import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def open_file():
    print("open_file: opening the file")
    await asyncio.sleep(0.5)
    yield
    print("open_file: closing the file (never printed)")


async def main():
    try:
        async with open_file():
            print("body: writing, then failing")
            raise OSError("disk full")
    except OSError as e:
        print(f"main caught {e!r}, but the file is still open")


asyncio.run(main())
