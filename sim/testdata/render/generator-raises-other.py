import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def transaction():
    print("transaction: begin")
    try:
        yield
        print("transaction: commit")
    except ValueError as e:
        print(f"transaction: rolling back after {e!r}")
        await asyncio.sleep(0.5)
        raise ConnectionError("lost the database during rollback")


async def main():
    try:
        async with transaction():
            print("body: writing a bad row")
            raise ValueError("bad row")
    except ValueError as e:
        print(f"main caught the ValueError (never printed): {e!r}")
    except ConnectionError as e:
        print(f"main caught {e!r}")


asyncio.run(main())
