import asyncio


class Outer:
    async def __aenter__(self):
        print("Outer: enter")

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Outer: exit, exc_type is {exc_type}")


class Forgiving:
    async def __aenter__(self):
        print("Forgiving: enter")

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print(f"Forgiving: got {exc!r}, returning True to suppress it")
            return True
        print("Forgiving: exit with no error")


async def main():
    async with Outer():
        async with Forgiving():
            print("body: about to fail")
            raise ValueError("bad input")
            print("body: this line is skipped")
        print("after the inner block: still running")
    print("main finished normally")


asyncio.run(main())
