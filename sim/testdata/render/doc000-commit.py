import asyncio


class Connection:
    async def __aenter__(self):
        print("waiting for the connection factory")
        await asyncio.sleep(0.5)
        print("connector ready")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print("rolling back")
            await asyncio.sleep(0.2)
        print("closing the connector")
        await asyncio.sleep(0.1)


async def main():
    async with Connection() as conn:
        print("execute: UPDATE users SET active = 1")
        await asyncio.sleep(0.3)
        print("commit")
        await asyncio.sleep(0.1)


asyncio.run(main())
