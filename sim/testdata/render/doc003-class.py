import asyncio


class AsyncConnection:
    async def __aenter__(self):
        print("🔗 Opening connection...")
        await asyncio.sleep(1)
        print("🔗 Connection opened.")
        return "Connected"

    async def __aexit__(self, exc_type, exc, tb):
        print("🔗 Closing connection...")
        await asyncio.sleep(1)
        print("🔗 Connection closed.")


async def main():
    async with AsyncConnection() as conn:
        print(f"💬 Using connection: {conn}")
        await asyncio.sleep(2)


asyncio.run(main())
