import asyncio


class Translator:
    async def __aenter__(self):
        print("Translator: enter")

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Translator: exit got {exc!r}")
        raise RuntimeError("translated")


async def main():
    async with asyncio.timeout(1), Translator():
        await asyncio.sleep(2)


asyncio.run(main())
