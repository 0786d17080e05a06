import asyncio


class Mirror:
    def __init__(self, host):
        self.host = host

    async def __aenter__(self):
        print(f"{self.host}: dialling")
        await asyncio.sleep(0.5)
        raise ConnectionError("no route")

    async def __aexit__(self, exc_type, exc, tb):
        print("never: __aenter__ raised, so there is nothing to exit")


async def fetch_eu():
    async with Mirror("eu.mirror"):
        print("never")


async def fetch_us():
    async with Mirror("us.mirror"):
        print("never")


async def read_report():
    print("read_report: parsing")
    await asyncio.sleep(0.5)
    raise ValueError("line 7 has no date")


async def main():
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fetch_eu())
                tg.create_task(fetch_us())
                tg.create_task(read_report())
        except* ConnectionError as eg:
            print(f"main: {len(eg.exceptions)} mirrors are down: {eg.exceptions}")
        except* ValueError as eg:
            print(f"main: the report is broken: {eg!r}")
            raise RuntimeError("report unusable") from eg
    except RuntimeError as e:
        print(f"main: {e!r} came out alone, caused by {e.__cause__!r}")


asyncio.run(main())
