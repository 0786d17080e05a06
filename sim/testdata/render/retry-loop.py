import asyncio


class Connection:
    def __repr__(self):
        return "Connection()"

    async def __aenter__(self):
        print("Connection: dialling")
        await asyncio.sleep(0.25)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Connection: closed (exit saw {exc!r})")


async def main():
    for attempt in range(3):
        print(f"main: attempt {attempt}")
        try:
            async with Connection() as conn:
                if attempt != 2:
                    raise ConnectionError("server busy")
                print("main: connected, sending the request")
            break
        except ConnectionError as err:
            print(f"main: {err!r}, trying again")
            if attempt == 0:
                await asyncio.sleep(0.5)
            else:
                await asyncio.sleep(1)
    else:
        print("main: every attempt failed")
    print("main: done")


asyncio.run(main())
