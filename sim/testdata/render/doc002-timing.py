import asyncio


class AsyncDatabaseConnection:
    async def __aenter__(self):
        await asyncio.sleep(1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(1)


async def use_database():
    async with AsyncDatabaseConnection() as db:
        print("query done")


async def main():
    print("one after the other:")
    await use_database()
    await use_database()
    print("both at once:")
    await asyncio.gather(use_database(), use_database())
    print("done")


asyncio.run(main())
