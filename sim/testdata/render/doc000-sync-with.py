import asyncio


class TextFile:
    def __enter__(self):
        print("example.txt opened")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("example.txt closed")


async def main():
    with TextFile() as f:
        print("writing Lorem ipsum")


asyncio.run(main())
