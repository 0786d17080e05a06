import asyncio


async def main():
    try:
        async with asyncio.timeout(None) as idle:
            idle.reschedule(asyncio.get_running_loop().time() + 1)
            print("waiting for data")
            await asyncio.sleep(0.75)
            print("chunk 1 arrives")
            idle.reschedule(asyncio.get_running_loop().time() + 1)
            await asyncio.sleep(0.75)
            print("chunk 2 arrives")
            idle.reschedule(asyncio.get_running_loop().time() + 1)
            await asyncio.sleep(3)
            print("never printed: the connection stalled")
    except TimeoutError as e:
        print(f"gave up after a second without data: {e!r}")


asyncio.run(main())
