import asyncio
import time


class AsyncDatabaseConnection:
    async def __aenter__(self):
        await asyncio.sleep(1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(1)


class SyncDatabaseConnection:
    def __enter__(self):
        time.sleep(1)  # blocks the whole event loop
        return self

    def __exit__(self, exc_type, exc, tb):
        time.sleep(1)  # blocks the whole event loop


async def use_database():
    async with AsyncDatabaseConnection() as db:
        print("async query done")


async def use_sync_database():
    with SyncDatabaseConnection() as db:
        print("blocking query done")


async def main():
    print("phase 1 (clock at 0 s): async, one after the other")
    await use_database()
    await use_database()
    print("phase 2: async, both at once with gather")
    await asyncio.gather(use_database(), use_database())
    print("phase 3: blocking time.sleep, both at once with gather")
    await asyncio.gather(use_sync_database(), use_sync_database())
    print("done: read the final time on the clock")


asyncio.run(main())
