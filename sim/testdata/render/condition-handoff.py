import asyncio

ready = asyncio.Condition()


async def consumer():
    print("consumer: wants a batch")
    async with ready:
        print("consumer: waits for a batch")
        await ready.wait()
        print("consumer: has a batch and holds the lock again")
        await asyncio.sleep(0.5)
        print("consumer: batch processed")


async def producer():
    await asyncio.sleep(1)
    async with ready:
        print("producer: first batch is ready")
        ready.notify()
        await asyncio.sleep(0.5)
        print("producer: leaves the block, letting the woken consumer in")
    await asyncio.sleep(1.5)
    async with ready:
        print("producer: last batch, wake everyone")
        ready.notify_all()


async def main():
    await asyncio.gather(consumer(), consumer(), producer())
    print("main: every batch was handed over")


asyncio.run(main())
