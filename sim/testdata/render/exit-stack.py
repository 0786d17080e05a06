import asyncio
from contextlib import AsyncExitStack


class A:
    async def __aenter__(self):
        print("enter A")
        return "resource A"

    async def __aexit__(self, exc_type, exc, tb):
        print(f"exit A, exc is {exc!r}")


class B:
    async def __aenter__(self):
        print("enter B")
        await asyncio.sleep(0.5)
        return "resource B"

    async def __aexit__(self, exc_type, exc, tb):
        print(f"exit B, exc is {exc!r}")


async def cleanup():
    print("cleanup callback runs")
    await asyncio.sleep(0.5)


async def on_exit(exc_type, exc, tb):
    print(f"on_exit sees {exc!r} and returns True")
    return True


async def main():
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(A())
        b = await stack.enter_async_context(B())
        stack.push_async_callback(cleanup)
        stack.push_async_exit(on_exit)
        print(f"body: have {a} and {b}, now failing")
        raise ValueError("bad input")
    print("main: the stack is empty and the error is gone")


asyncio.run(main())
