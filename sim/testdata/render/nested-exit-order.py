import asyncio


class A:
    async def __aenter__(self):
        print("enter A")
        return "resource A"

    async def __aexit__(self, exc_type, exc, tb):
        print("exit A")


class B:
    async def __aenter__(self):
        print("enter B")
        return "resource B"

    async def __aexit__(self, exc_type, exc, tb):
        print("exit B")


class C:
    async def __aenter__(self):
        print("enter C")
        return "resource C"

    async def __aexit__(self, exc_type, exc, tb):
        print("exit C")


async def main():
    async with A() as a, B() as b, C() as c:
        print(f"body uses {a}, {b} and {c}")
    print("all three are closed")


asyncio.run(main())
