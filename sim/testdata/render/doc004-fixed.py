import asyncio


class Connection:
    async def __aenter__(self):
        print("get_conn('localhost', 500)")
        await asyncio.sleep(0.5)
        print("connected to localhost:500")
        return "conn to localhost:500"

    async def __aexit__(self, exc_type, exc, tb):
        print("closing the connection")
        await asyncio.sleep(0.1)


async def main():
    async with Connection() as conn:
        print(f"using {conn}")


asyncio.run(main())
