import asyncio


class ClientSession:
    async def __aenter__(self):
        print("session: open")
        return "session"

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.05)
        print("session: closed")


class Response:
    async def __aenter__(self):
        print("response: sending GET")
        await asyncio.sleep(0.2)
        print("response: headers received")
        return "response"

    async def __aexit__(self, exc_type, exc, tb):
        print("response: connection released")


async def fetch():
    async with ClientSession() as session:
        async with Response() as response:
            await asyncio.sleep(0.1)
            return "<html>example</html>"


async def main():
    html = await fetch()
    print(f"{html}")


asyncio.run(main())
