import asyncio


class Job:
    def __repr__(self):
        return "Job()"

    async def __aenter__(self):
        print("Job: started")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Job: exit saw {exc!r}, not suppressing it")


async def worker():
    me = asyncio.current_task()
    try:
        async with Job():
            print("worker: sleeping 2 s")
            await asyncio.sleep(2)
    except asyncio.CancelledError:
        print(f"worker: caught the cancel, cancelling() = {me.cancelling()}")
        left = me.uncancel()
        print(f"worker: uncancel() returned {left}, carrying on")
    await asyncio.sleep(0.25)
    print("worker: partial work saved")
    return "partial"


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    t.cancel()
    print(f"main: cancel sent, cancelling() = {t.cancelling()}")
    result = await t
    print(f"main: got {result!r}")
    print(f"main: cancelled() = {t.cancelled()}, cancelling() = {t.cancelling()}")


asyncio.run(main())
