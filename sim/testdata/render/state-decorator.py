import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def audit(area):
    print(f"audit {area}: start")
    try:
        yield
    finally:
        print(f"audit {area}: end")


@audit("billing")
async def charge():
    print("charging the card")
    await asyncio.sleep(0.5)
    return "receipt"


@audit("refunds")
async def refund():
    print("refunding")
    raise ValueError("nothing to refund")


async def main():
    first = await charge()
    print(f"first call gave {first!r}")
    results = await asyncio.gather(charge(), charge(), refund(), return_exceptions=True)
    print(f"gather gave {results!r}")


asyncio.run(main())
