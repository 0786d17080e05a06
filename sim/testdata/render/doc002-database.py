import asyncio


class AsyncDatabaseConnection:
    async def __aenter__(self):
        print("connecting to the database")
        await asyncio.sleep(1)
        print("connected")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("closing the connection")
        await asyncio.sleep(1)
        print("connection closed")


async def main():
    async with AsyncDatabaseConnection() as db:
        print("running queries")


asyncio.run(main())
