import asyncio


class FileAndConnection:
    async def __aenter__(self):
        print("opening the file")
        await asyncio.sleep(0.5)
        print("connecting to the server")
        await asyncio.sleep(1)
        print("both ready")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("disconnecting from the server")
        await asyncio.sleep(1)
        print("closing the file")
        await asyncio.sleep(0.5)
        print("both released")


async def main():
    async with FileAndConnection() as both:
        print("downloading into the file")
        await asyncio.sleep(0.5)
        print("download finished")


asyncio.run(main())
