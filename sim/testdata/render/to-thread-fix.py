import asyncio
import time


class ThreadedConnect:
    async def __aenter__(self):
        print("ThreadedConnect: handing the blocking connect to a thread")
        conn = await asyncio.to_thread(connect)
        print(f"ThreadedConnect: connected as {conn}")
        return conn

    async def __aexit__(self, exc_type, exc, tb):
        print("ThreadedConnect: closed")


def connect():
    print("connect: blocking for 2 s, but only in its own thread")
    time.sleep(2)  # blocks only this worker thread
    return "db-link"


async def ticker():
    print("tick 1 (due at 0 s)")
    await asyncio.sleep(0.5)
    print("tick 2 (due at 0.5 s)")
    await asyncio.sleep(0.5)
    print("tick 3 (due at 1 s)")
    await asyncio.sleep(0.5)
    print("tick 4 (due at 1.5 s)")
    await asyncio.sleep(0.5)
    print("tick 5 (due at 2 s)")
    await asyncio.sleep(0.5)
    print("tick 6 (due at 2.5 s)")


async def connector():
    async with ThreadedConnect() as conn:
        print(f"connector: working with {conn} (0.5 s)")
        await asyncio.sleep(0.5)
        print("connector: done")


async def main():
    await asyncio.gather(ticker(), connector())
    print("main: all done")


asyncio.run(main())
