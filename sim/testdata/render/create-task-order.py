import asyncio


class Session:
    async def __aenter__(self):
        print("Session: enter")
        await asyncio.sleep(0.5)

    async def __aexit__(self, exc_type, exc, tb):
        print("Session: exit")


async def worker():
    print("worker: started")
    async with Session():
        print("worker: inside the session")
    return "work done"


async def main():
    print("main: before create_task")
    t = asyncio.create_task(worker())
    print("main: after create_task, the worker has not run yet")
    print("main: now awaiting the task")
    result = await t
    print(f"main: after await, got {result!r}")


asyncio.run(main())
