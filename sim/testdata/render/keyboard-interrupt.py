import asyncio


class Upload:
    def __repr__(self):
        return "Upload()"

    async def __aenter__(self):
        print("Upload: started")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Upload: closing after {exc!r}")


async def uploader():
    async with Upload():
        print("uploader: sending for 3 s")
        await asyncio.sleep(3)
        print("uploader: done (never printed)")


async def main():
    asyncio.create_task(uploader())
    try:
        await asyncio.sleep(1)
        print("main: too slow, interrupting")
        raise KeyboardInterrupt
    except Exception as e:
        print(f"main: never, {e!r} is no Exception")
    finally:
        print("main: finally runs")


asyncio.run(main())
