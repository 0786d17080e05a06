import asyncio


async def save():
    print("save: writing the order")
    try:
        await asyncio.sleep(2)
    finally:
        print("save: finally (the write is complete)")
    return "order 42 saved"


async def handler():
    try:
        status = await asyncio.shield(save())
        print(f"handler: {status}")
    except asyncio.CancelledError as e:
        print(f"handler: cancelled with {e!r}, the save goes on")
        raise


async def main():
    request = asyncio.create_task(handler())
    await asyncio.sleep(0.5)
    print("main: the client disconnects")
    request.cancel("client gone")
    outcome = await asyncio.gather(request, return_exceptions=True)
    print(f"main: handler ended with {outcome}")
    await asyncio.sleep(2)
    print("main: done")


asyncio.run(main())
