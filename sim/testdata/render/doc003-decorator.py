import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def async_connection():
    print("🔗 Opening connection...")
    await asyncio.sleep(1)
    print("🔗 Connection opened.")
    try:
        yield "Connected"
        await asyncio.sleep(2)
    finally:
        print("🔗 Closing connection...")
        await asyncio.sleep(1)
        print("🔗 Connection closed.")


async def main():
    async with async_connection() as conn:
        print(f"💬 Using connection: {conn}")


asyncio.run(main())
