import asyncio


class AsyncFile:
    async def __aenter__(self):
        print("file: opening")
        await asyncio.sleep(0.5)
        print("file: open")
        return "file"

    async def __aexit__(self, exc_type, exc, tb):
        print("file: closing")
        await asyncio.sleep(0.5)
        print("file: closed")


class NetworkConnection:
    async def __aenter__(self):
        print("network: connecting")
        await asyncio.sleep(1)
        print("network: connected")
        return "socket"

    async def __aexit__(self, exc_type, exc, tb):
        print("network: disconnecting")
        await asyncio.sleep(1)
        print("network: disconnected")


async def main():
    async with AsyncFile() as f, NetworkConnection() as net:
        print(f"copying from {net} to {f}")


asyncio.run(main())
