import asyncio


class Connection:
    async def __aenter__(self):
        print("Connection: open")
        return "conn"

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Connection: closing, exit sees {exc!r}")


async def download():
    async with Connection() as c:
        print(f"download: reading through {c} for 2 s")
        await asyncio.sleep(2)
        print("download: finished (never printed)")


async def failing_step():
    print("failing_step: working for 0.5 s")
    await asyncio.sleep(0.5)
    raise ValueError("checksum mismatch")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(download())
            tg.create_task(failing_step())
            print("main: both tasks started")
    except ExceptionGroup as e:
        print(f"main caught {e!r}")


asyncio.run(main())
