import asyncio


class Connection:
    def __repr__(self):
        return "Connection()"

    async def __aenter__(self):
        print("Connection: open")
        self.state = "open"
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.state = "closed"
        print(f"Connection: closed (exit saw {exc!r})")


async def heartbeat():
    async with Connection() as conn:
        while True:
            print(f"heartbeat: ping ({conn.state})")
            await asyncio.sleep(0.5)


async def job():
    await asyncio.sleep(1.2)
    print("job: report written")


async def main():
    pinger = asyncio.create_task(heartbeat())
    work = asyncio.create_task(job())
    while not work.done():
        print("main: job still running")
        await asyncio.sleep(0.5)
    print("main: job finished, stopping the heartbeat")
    pinger.cancel()
    try:
        await pinger
    except asyncio.CancelledError:
        print(f"main: heartbeat stopped, cancelled is {pinger.cancelled()}")


asyncio.run(main())
