import asyncio


class Probe:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Probe({self.n!r})"

    async def __aenter__(self):
        print(f"Probe {self.n}: open")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Probe {self.n}: closed (exit saw {exc!r})")


async def warm_up():
    await asyncio.sleep(1.2)
    print("warm_up: server is ready")


async def main():
    server = asyncio.create_task(warm_up())
    for attempt in range(5):
        async with Probe(attempt):
            await asyncio.sleep(0.5)
            if not server.done():
                print(f"main: round {attempt}, not ready yet, continue")
                continue
            print(f"main: round {attempt}, server answered, break")
            break
    else:
        print("main: gave up after five rounds")
    print("main: polling over")


asyncio.run(main())
