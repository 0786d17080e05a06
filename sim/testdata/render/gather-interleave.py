import asyncio


class Printer:
    async def __aenter__(self):
        print("Printer: warming up (1 s)")
        await asyncio.sleep(1)
        print("Printer: ready")
        return "printer"

    async def __aexit__(self, exc_type, exc, tb):
        print("Printer: cooling down (1 s)")
        await asyncio.sleep(1)
        print("Printer: off")


class Scanner:
    async def __aenter__(self):
        print("Scanner: warming up (0.5 s)")
        await asyncio.sleep(0.5)
        print("Scanner: ready")
        return "scanner"

    async def __aexit__(self, exc_type, exc, tb):
        print("Scanner: parking the head (0.25 s)")
        await asyncio.sleep(0.25)
        print("Scanner: off")


async def print_job():
    async with Printer() as p:
        print(f"print_job: printing on the {p} (1 s)")
        await asyncio.sleep(1)
        print("print_job: page done")
    return "printed"


async def scan_job():
    async with Scanner() as s:
        print(f"scan_job: scanning on the {s} (2 s)")
        await asyncio.sleep(2)
        print("scan_job: scan done")
    return "scanned"


async def main():
    results = await asyncio.gather(print_job(), scan_job())
    print(f"main: gather returned {results}")


asyncio.run(main())
