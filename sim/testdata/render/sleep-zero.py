import asyncio


class PoliteA:
    async def __aenter__(self):
        print("A: entering, step 1")
        await asyncio.sleep(0)
        print("A: entering, step 2")

    async def __aexit__(self, exc_type, exc, tb):
        print("A: exiting, step 1")
        await asyncio.sleep(0)
        print("A: exiting, step 2")


class PoliteB:
    async def __aenter__(self):
        print("B: entering, step 1")
        await asyncio.sleep(0)
        print("B: entering, step 2")

    async def __aexit__(self, exc_type, exc, tb):
        print("B: exiting, step 1")
        await asyncio.sleep(0)
        print("B: exiting, step 2")


class QuietC:
    async def __aenter__(self):
        print("C: entering, step 1")
        print("C: entering, step 2")

    async def __aexit__(self, exc_type, exc, tb):
        print("C: exiting, step 1")
        print("C: exiting, step 2")


class QuietD:
    async def __aenter__(self):
        print("D: entering, step 1")
        print("D: entering, step 2")

    async def __aexit__(self, exc_type, exc, tb):
        print("D: exiting, step 1")
        print("D: exiting, step 2")


async def task_a():
    async with PoliteA():
        print("A: body")


async def task_b():
    async with PoliteB():
        print("B: body")


async def task_c():
    async with QuietC():
        print("C: body")


async def task_d():
    async with QuietD():
        print("D: body")


async def main():
    print("--- managers that await asyncio.sleep(0) ---")
    await asyncio.gather(task_a(), task_b())
    print("--- managers that never await ---")
    await asyncio.gather(task_c(), task_d())


asyncio.run(main())
