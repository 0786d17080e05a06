import asyncio
from contextlib import AsyncExitStack


class Journal:
    def __repr__(self):
        return "Journal()"

    async def __aenter__(self):
        print("Journal: opened")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Journal: __aexit__ saves and closes (exc is {exc!r})")
        await asyncio.sleep(0.5)


def log_exit(exc_type, exc, tb):
    print(f"log_exit: a plain def, exc is {exc!r}")


async def release(what, n):
    print(f"release: giving back {n} {what}")
    await asyncio.sleep(0.5)


async def main():
    async with AsyncExitStack() as stack:
        journal = Journal()
        print("main: push 1, the journal object")
        stack.push_async_exit(journal)
        print("main: push 2, the plain log_exit")
        stack.push(log_exit)
        print("main: push 3, release with its arguments")
        stack.push_async_callback(release, "seats", 2)
        print("main: aclose() now, the stack unwinds 3, 2, 1")
        await stack.aclose()
        print("main: still inside the block, the stack is empty")
    print("main: the block ended and nothing ran twice")


asyncio.run(main())
