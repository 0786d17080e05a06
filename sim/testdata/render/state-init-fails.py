import asyncio


class Connection:
    def __init__(self, host, port):
        self.host = host
        self.port = port

    def __repr__(self):
        return f"Connection({self.host!r}, {self.port!r})"

    async def __aenter__(self):
        print(f"opening {self.host}:{self.port}")
        await asyncio.sleep(0.5)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"closing {self.host}, exit got {exc!r}")


class Replica:
    def __init__(self, host):
        self.host = host
        print(f"looking up {self.host}")
        raise ConnectionError("unknown host")

    async def __aenter__(self):
        print("Replica.__aenter__ never runs")

    async def __aexit__(self, exc_type, exc, tb):
        print("Replica.__aexit__ never runs")


async def main():
    try:
        async with Connection("primary.example", 5432) as primary, Replica("replica.example") as replica:
            print("the body never runs")
    except ConnectionError as e:
        print(f"main caught {e!r}")


asyncio.run(main())
