import asyncio


class AsyncDatabaseConnection:
    def __repr__(self):
        return "AsyncDatabaseConnection()"

    async def __aenter__(self):
        print("connecting to the database")
        await asyncio.sleep(1)
        print("connected")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"__aexit__ received {exc!r}")
        print("closing the connection")
        await asyncio.sleep(1)
        print("connection closed")


async def main():
    try:
        async with AsyncDatabaseConnection() as db:
            print("running queries")
            raise ValueError("query failed")
    except ValueError as e:
        print(f"main caught {e!r}")


asyncio.run(main())
