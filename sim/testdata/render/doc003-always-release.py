import asyncio


class LeakyPair:
    async def __aenter__(self):
        print("LeakyPair: file opened")
        await asyncio.sleep(0.5)
        print("LeakyPair: connecting")
        await asyncio.sleep(0.5)
        raise ConnectionError("server refused")

    async def __aexit__(self, exc_type, exc, tb):
        print("LeakyPair: connection closed")
        print("LeakyPair: file closed")


class CarefulPair:
    async def __aenter__(self):
        print("CarefulPair: file opened")
        await asyncio.sleep(0.5)
        try:
            print("CarefulPair: connecting")
            await asyncio.sleep(0.5)
            raise ConnectionError("server refused")
        except:
            print("CarefulPair: could not connect, closing the file before giving up")
            await asyncio.sleep(0.25)
            print("CarefulPair: file closed")
            raise

    async def __aexit__(self, exc_type, exc, tb):
        print("CarefulPair: connection closed")
        print("CarefulPair: file closed")


async def main():
    try:
        async with LeakyPair() as pair:
            print("body: never runs")
    except ConnectionError as e:
        print(f"main caught {e!r}, but LeakyPair's file is still open")
    try:
        async with CarefulPair() as pair:
            print("body: never runs")
    except ConnectionError as e:
        print(f"main caught {e!r}, and nothing was left open")


asyncio.run(main())
