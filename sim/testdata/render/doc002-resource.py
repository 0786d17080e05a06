import asyncio


class AsyncResourceManager:
    async def __aenter__(self):
        print("resource acquired")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("resource released")


async def main():
    async with AsyncResourceManager() as resource:
        print("using the resource")


asyncio.run(main())
