import asyncio


class Pool:
    async def __aenter__(self):
        await asyncio.sleep(0.02)

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)


class Connection:
    async def __aenter__(self):
        await asyncio.sleep(0.05)

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.02)


class Session:
    async def __aenter__(self):
        await asyncio.sleep(0)

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)


class Transaction:
    async def __aenter__(self):
        await asyncio.sleep(0.01)

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.03)


class Cursor:
    async def __aenter__(self):
        pass

    async def __aexit__(self, exc_type, exc, tb):
        pass


class Lock:
    async def __aenter__(self):
        await asyncio.sleep(0)

    async def __aexit__(self, exc_type, exc, tb):
        pass


class Cache:
    async def __aenter__(self):
        await asyncio.sleep(0.02)

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)


class Logger:
    async def __aenter__(self):
        pass

    async def __aexit__(self, exc_type, exc, tb):
        pass


class Tracer:
    async def __aenter__(self):
        await asyncio.sleep(0.01)

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)


class Budget:
    async def __aenter__(self):
        await asyncio.sleep(0.03)

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)


async def quick():
    async with Pool(), Connection(), Session(), Transaction(), Cursor(), Lock(), Cache(), Logger(), Tracer(), Budget():
        await asyncio.sleep(0.05)
        print("quick: done inside ten managers")


async def steady():
    async with Pool(), Connection(), Session(), Transaction(), Cursor(), Lock(), Cache(), Logger(), Tracer(), Budget():
        await asyncio.sleep(0.1)
        print("steady: done inside ten managers")


async def slow():
    async with Pool(), Connection(), Session(), Transaction(), Cursor(), Lock(), Cache(), Logger(), Tracer(), Budget():
        await asyncio.sleep(0.2)
        print("slow: done inside ten managers")


async def failing():
    async with Pool(), Connection(), Session(), Transaction(), Cursor(), Lock(), Cache(), Logger(), Tracer(), Budget():
        await asyncio.sleep(0.1)
        print("failing: about to raise inside ten managers")
        raise ValueError("row rejected")


async def main():
    print("main: starting 20 workers, each nesting 10 managers")
    results = await asyncio.gather(quick(), steady(), slow(), failing(), quick(), steady(), slow(), failing(), quick(), steady(), slow(), failing(), quick(), steady(), slow(), failing(), quick(), steady(), slow(), failing(), return_exceptions=True)
    print(f"main: results in call order: {results}")


asyncio.run(main())
