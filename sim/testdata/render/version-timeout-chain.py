import asyncio


class Translator:
    async def __aenter__(self):
        print("Translator: enter")

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Translator: exit got {exc!r}")
        raise RuntimeError("translated")


async def main():
    try:
        async with asyncio.timeout(1), Translator():
            await asyncio.sleep(2)
    except RuntimeError as e:
        print(f"main caught {e!r}")
        print(f"  its __context__: {e.__context__!r}")
        print(f"  and that one's: {e.__context__.__context__!r}")


asyncio.run(main())
