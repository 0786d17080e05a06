import asyncio


class Connection:
    def __init__(self, host, port):
        self.host = host
        self.port = port
        print(f"Connection object made for {host}:{port}")

    def __repr__(self):
        return f"Connection({self.host!r}, {self.port!r})"

    async def __aenter__(self):
        print(f"dialling {self.host} on port {self.port}")
        await asyncio.sleep(0.5)
        print(f"connected to {self.host}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"hanging up {self.host}")
        await asyncio.sleep(0.1)


async def main():
    async with Connection("orders.example", 5432) as orders, Connection("cache.example", 6379) as cache:
        print(f"reading orders from {orders.host}, caching them at {cache.host}:{cache.port}")
        print(f"both managers: {orders!r} and {cache!r}")


asyncio.run(main())
